# phrases_common.py -- generic clinician and client lines for the rapport
# demo corpus (see generate.py): moves that do not depend on the topic.
#
# Written for rapport; every line is invented.
#
# Each entry is "CODES|text". CODES is a comma-separated list of short
# names expanded by generate.py into the tag vocabulary of docs/architecture.md
# section 4 (sr reflection.simple, cr reflection.complex, oq question.open,
# cq question.closed, val validation, aff affirmation, enc encourager,
# jar jargon, col collaboration, aut autonomy, dir directive, rep repair,
# tech tech.disruption, wd rupture.withdrawal, conf rupture.confrontation,
# ct change-talk, st sustain-talk). An empty CODES field means an expert
# coder would give the line no code (greetings, structuring, information).
# "{name}" is the client's fictional first name, "{child}" the child's.

# -- therapist, any topic --------------------------------------------------

COMPLEX_REFLECTIONS = [
    "cr|That sounds exhausting, carrying all of that on your own.",
    "cr|It sounds like you've been holding it together for everyone else and there hasn't been much left over for you.",
    "cr|Part of you wants things to change, and part of you is worn out from trying.",
    "cr|On the one hand you want to do something about it, and at the same time it feels like too much right now.",
    "cr|There's a lot of sadness underneath what you're saying.",
    "cr|It sounds like you've been feeling pretty alone with this.",
    "cr|You're worried that if you let yourself feel it, you won't be able to stop.",
    "cr|So it isn't just the thing itself, it's what it seems to say about you.",
    "cr|It sounds like you're angry, and underneath the anger there's a lot of hurt.",
    "cr|You've been so busy coping that there hasn't been time to notice how you actually feel.",
    "cr|Saying it out loud makes it feel more real, and maybe a little scarier.",
    "cr|Part of you already knows what you want; it's the getting there that feels out of reach.",
    "cr|It feels like nobody quite gets how hard this has been.",
    "cr|You'd like people to see how much effort this is taking you.",
    "cr|You're caught between what you feel you should do and what you actually have the energy for.",
    "cr|It sounds like things have been heavier than you've let on to most people.",
    "cr|You want to trust that it can get better, and you've been let down enough times to be careful about hoping.",
]

SIMPLE_REFLECTIONS = [
    "sr|It's been a hard week.",
    "sr|So that's been going on for a while.",
    "sr|You're not sure.",
    "sr|It happened again.",
    "sr|You've been thinking about that a lot.",
    "sr|That helped a bit.",
    "sr|So it's a lot.",
    "sr|You told your sister.",
    "sr|It's been up and down.",
    "sr|You felt embarrassed.",
]

OPEN_QUESTIONS = [
    "oq|What's that been like for you?",
    "oq|Tell me more about that.",
    "oq|How did you get through it?",
    "oq|What else was going on at the time?",
    "oq|What would you like to be different?",
    "oq|How do you make sense of that?",
    "oq|What do you think would help, even a little?",
    "oq|What was that like for you?",
    "oq|What happened next?",
    "oq|How are you feeling right now, talking about it?",
    "oq|What matters most to you about this?",
    "oq|What have you noticed since we last met?",
    "oq|How would you know things were getting better?",
    "oq|What did you learn about yourself from that?",
]

CLOSED_QUESTIONS = [
    "cq|Did that make you anxious?",
    "cq|Have you tried exercise?",
    "cq|Is that still happening?",
    "cq|Did you do the worksheet?",
    "cq|Are you sleeping okay?",
    "cq|Have you talked to your doctor about it?",
    "cq|Was that on the weekend?",
    "cq|Do you feel like that every day?",
    "cq|Did you tell anyone?",
    "cq|Is that a yes?",
    "cq|Are you still taking your tablets?",
    "cq|Has it got worse since last time?",
    "cq|Did you write it in the diary?",
    "cq|Are you drinking water?",
    "cq|Do you think that's realistic?",
    "cq|Did that help?",
    "cq|Have you been going for walks?",
    "cq|Were you on your own?",
]

VALIDATIONS = [
    "val|That makes a lot of sense.",
    "val|Anyone in your position would feel that way.",
    "val|Of course you feel that way, with everything that's been going on.",
    "val|That's completely understandable.",
    "val|It makes sense you'd feel like that.",
    "val|That's a really understandable reaction.",
    "val|Your feelings about this make a lot of sense.",
    "val|That would be hard for anyone.",
    "val|It's natural to feel that way about something so important to you.",
    "val|Given everything you've told me, that makes sense.",
]

AFFIRMATIONS = [
    "aff|You've worked really hard on this.",
    "aff|It took courage to tell me that.",
    "aff|You've kept going through some really tough weeks.",
    "aff|You clearly care a lot about the people around you.",
    "aff|That was a creative way to handle it.",
    "aff|You're someone who doesn't give up easily.",
    "aff|You noticed that yourself, which is no small thing.",
    "aff|You did something hard there.",
    "aff|You've been really honest with yourself today.",
    "aff|You've made real progress since we started.",
]

AUTONOMY = [
    "aut|It's your call what you do with this.",
    "aut|You know your life better than anyone, so you're the best judge of what fits.",
    "aut|Whether you do anything about it is completely up to you.",
    "aut|You get to decide how fast we go with this.",
    "aut|You don't have to decide anything today.",
    "aut|Only you can decide whether that's something you want to change.",
    "col|Maybe that's something we could look at together.",
    "col,oq|What do you think might work for you?",
    "col,oq|Where would you like to go with this?",
    "aut|You know yourself best, so tell me if any of this doesn't fit.",
]

ENCOURAGERS = [
    "enc|Mm-hmm.", "enc|Go on.", "enc|Mm.", "enc|Right.", "enc|Okay.", "enc|I see.",
    "enc|Yeah.", "enc|Mm-hmm, go on.",
]

DIRECTIVES = [
    "dir|You need to start exercising.",
    "dir|You should just tell them how you feel.",
    "dir|You have to stop doing that.",
    "dir|What you need to do is make a list and stick to it.",
    "dir|You should really cut back on the caffeine.",
    "dir|You need to be more positive.",
    "dir|You must do the homework this week.",
    "dir|You should be going to bed at ten.",
    "dir|You need to stop overthinking it.",
    "dir|You shouldn't let that bother you.",
    "dir|Just try not to think about it.",
    "dir|You need to get out more.",
]

# Clinical statements with unexplained jargon (psychiatry/psychology).
JARGON_ADULT = [
    "jar|What you're describing is catastrophizing, which is a classic cognitive distortion.",
    "jar|I'd like to start with some psychoeducation about the fight-or-flight response and HPA axis activation.",
    "jar|Given the comorbid GAD, the depressive symptomatology is not surprising.",
    "jar|That sounds like emotional dysregulation, which we often see alongside rumination.",
    "jar,dir|You'll need to discuss with your psychiatrist whether to titrate the SSRI.",
    "jar|Benzodiazepines are contraindicated with alcohol, so that's something to be aware of.",
    "jar|Your PHQ-9 and GAD-7 scores both indicate moderate severity.",
    "jar|Avoidance is a safety behaviour; it maintains the anxiety through negative reinforcement.",
    "jar|We'll do some cognitive restructuring around those core beliefs.",
    "jar|There may be an element of somatization here.",
    "jar|What you're describing sounds like anhedonia.",
    "jar|A behavioural activation schedule targets the avoidance cycle.",
    "jar|Sleep hygiene and stimulus control are first-line for this kind of insomnia.",
    "jar|That's a fairly typical presentation of hypervigilance.",
    "jar|The ruminative style is maintaining your low affect.",
    "jar|Some of that may be dissociation, which can be protective.",
    "jar|We need to look at your maladaptive schemas.",
    "jar|Your attachment style might be influencing the interpersonal dynamics.",
    "jar|There could be some executive dysfunction contributing to that.",
    "jar|The serotonergic side effects usually settle within a few weeks.",
    "jar|We'll use graded exposure with interoceptive exercises.",
    "jar,cq|Have you noticed any psychomotor retardation?",
    "jar,cq|Any intrusive thoughts or ego-dystonic content?",
    "jar|That's consistent with a transdiagnostic model of emotional processing.",
    "jar|The psychosocial stressors are clearly exacerbating the clinical picture.",
    "jar|An SNRI may be indicated if the current medication isn't efficacious.",
    "jar|We want to improve your distress tolerance and affect regulation.",
    "jar|I'd frame that as an all-or-nothing cognitive distortion.",
    "jar,cq|Is your medication adherence consistent?",
    "jar|From a metacognitive perspective, the worry about worry is the maintaining factor.",
]

# OT clinical statements with unexplained jargon.
JARGON_OT = [
    "jar|{His} tripod grasp is still immature, so we'll target in-hand manipulation.",
    "jar|{He}'s showing sensory seeking behaviours, so {he} needs more proprioceptive input across the day.",
    "jar|We'll build in some heavy work before tabletop tasks.",
    "jar|That's a bilateral coordination difficulty, with some motor planning involved.",
    "jar|I think there's a vestibular component to the dysregulation.",
    "jar|{His} praxis is affecting the sequencing of multi-step tasks.",
    "jar|We're using a sensory integration approach for the modulation difficulties.",
    "jar|Executive functioning is a big part of the morning routine difficulties.",
    "jar|{His} proximal stability isn't there yet, which affects distal control.",
    "jar|We'll grade the activity to keep it at the just-right challenge.",
    "jar|That looks like tactile defensiveness.",
    "jar|{His} visual-motor integration scores were below the expected range on the Beery.",
    "jar|I'd recommend a sensory diet across the school day.",
    "jar|{He} has some difficulty with crossing the midline.",
    "jar|We'll use backward chaining for the dressing goals.",
    "jar|{His} self-regulation improves with vestibular input.",
]

REPAIRS = [
    "rep,cq|I think I pushed too hard there. Can I check how that landed?",
    "rep,oq|What was it like to hear me say that?",
    "rep|I got that wrong, and I'm sorry. Thank you for telling me.",
    "rep,oq|It sounds like I missed something important. Can you help me understand what I missed?",
    "rep|I jumped ahead of you there. Let's slow down.",
    "rep,val|You're right to call that out. It makes sense it felt that way.",
    "rep,oq|How is this going for you so far today, the way we're talking about it?",
    "rep,cq|I'm wondering if I came across as telling you what to do. Did it feel like that?",
    "rep|I'd rather hear that now than have you leave feeling unheard. Please keep telling me when I get it wrong.",
    "rep,oq|What would be more helpful right now?",
]

# Therapist lines that can provoke a rupture: challenges, pushing ahead.
CHALLENGES = [
    "|I wonder if you're avoiding the conversation with them.",
    "|It seems to me you already know what you need to do, you're just not doing it.",
    "dir|I think you should try the exposure exercise this week, even if it's uncomfortable.",
    "|I'm going to be honest, I'm not sure the drinking is as under control as you say.",
    "|Maybe some of this is about how you react, not just what they do.",
]

# -- client side, ruptures and re-engagement -------------------------------

WITHDRAWALS = [
    "wd|I guess.", "wd|Whatever.", "wd|I don't know.", "wd|Sure. Fine.", "wd|If you say so.",
    "wd|I don't really want to talk about that.", "wd|Doesn't matter.",
    "wd|I guess. Whatever you think.",
]

CONFRONTATIONS = [
    "conf|This isn't helping.",
    "conf|You're not listening to me.",
    "conf|I already told you that doesn't work.",
    "conf|Why do I even come here?",
    "conf|That's easy for you to say.",
    "conf|You don't know what it's like.",
    "conf|That's not fair. You don't know what it's like for me.",
    "conf|I feel like you're just reading from a script.",
]

REENGAGE = [
    "|It felt a bit like you were saying it's my fault.",
    "|I think I just needed you to hear how hard it's been before we talked about fixing it.",
    "|It's okay. I guess I'm just really on edge today.",
    "|Yeah, it did feel like that. But I know you're trying to help.",
    "|Thanks for asking. Honestly, it felt a bit rushed.",
]

ACQUIESCE = [
    "|Okay.", "|I'll try.", "st|I've tried that before. It didn't work.", "|Yeah, I know.",
    "st|It's not that easy.", "|Okay, I suppose I could.", "st|I know I should, but I just can't get myself to.",
    "|Right.", "ct|I could give it a go.",
]

JARGON_REPLIES = [
    "|Okay.", "|Right.", "|Sorry, what does that mean?", "|I'm not sure what that is.", "|Sure.",
    "|Okay... I think so.", "|Mm.", "|I don't really know what that means, sorry.",
]

# -- telehealth ---------------------------------------------------------------

# Per event type: clinician lines and client answers.
TECH = {
    "freeze": (["tech|Sorry, you froze there for a second.",
                "tech|The picture's frozen on my end. I can still hear you though.",
                "tech,cq|You froze just then. Are you still there?",
                "tech|Sorry, you froze. I missed the last bit."],
               ["tech|Sorry, the wifi here is terrible.", "tech|You froze for me too.",
                "tech|Can you hear me now?", "tech|Sorry, the kids are streaming something."]),
    "disconnect": (["tech|Sorry, I lost you for a moment.",
                    "tech,cq|The call dropped out. Can you hear me now?",
                    "tech|Welcome back, the call dropped.",
                    "tech|You dropped out of the call there."],
                   ["tech|Sorry, I'm back. It kicked me out.",
                    "tech|The internet keeps dropping out at my place.",
                    "tech|Sorry, my laptop restarted itself.",
                    "tech|Sorry, it just kicked me out."]),
    "audio-loss": (["tech|I think you're on mute.",
                    "tech,cq|I can see you but I can't hear you. Can you hear me now?",
                    "tech|You cut out just then. Could you say that last bit again?"],
                   ["tech|Sorry, I was on mute.", "tech|Can you hear me now?",
                    "tech|I can hear you now. It dropped out."]),
    "phone": (["tech|Sorry, you're breaking up. Can you say that again?",
               "tech|I lost you for a second there.",
               "tech|The line's a bit crackly on my end."],
              ["tech|Sorry, I'm on the train. Is that better?",
               "tech|Is that better? I moved to the other room.",
               "tech|Can you hear me now?"]),
}

TECH_RESUME = [
    "|Okay. You were telling me about the weekend.",
    "|Okay, good. Let's pick up where we left off.",
    "|No problem at all. Take your time.",
    "tech|I missed the last part when it dropped out. Could you say it again?",
]
