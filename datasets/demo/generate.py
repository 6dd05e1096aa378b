#!/usr/bin/env python3
# generate.py -- writes the rapport demo corpus (datasets/demo/*.xml).
#
# The demo corpus is synthetic: every clinician, client, child, caregiver
# and line of dialogue was invented for rapport. Nothing comes from a real
# session. It exists so that `rapport run datasets/demo` shows every part
# of the pipeline (tags, indicators, trends, cohorts, telehealth, ruptures,
# agreement with human codes) on data whose expected results are known.
#
# How a session is composed:
#   * each clinician has a *style profile*: weights over clinician moves
#     (complex / simple reflection, open / closed question, validation,
#     affirmation, autonomy/collaboration, encourager, directive, jargon)
#     plus habits (how often a rupture follows a directive, whether ruptures
#     are repaired, how much jargon is tacked onto other moves). Trainees
#     move from an "early" to a "late" profile over their term (the
#     position of the session in the clinician's dated sessions), except
#     T21, whose profile stays the same;
#   * each client has two or three topics (phrases_adult.py,
#     phrases_ot.py). A topic is a short narrative in beats: one client
#     line plus the ways a clinician could answer it. The clinician answers
#     each client line with a move drawn from the profile; the client's
#     next line depends on the move (a closed question gets a short answer,
#     a directive may get compliance, sustain talk or a rupture, a
#     reflection gets the next part of the story);
#   * video and phone sessions get connection problems (events and
#     "you froze" lines), some sessions carry redaction test material
#     (names, phone numbers, dates, an e-mail address);
#   * SRS (session rating, 0-40) is computed from the session's own moves:
#     more listening and less directing gives a higher SRS, an unrepaired
#     rupture lowers it; ORS (outcome, 0-40) rises over the episode of care,
#     faster with the stronger listeners.
#
# Human codes (u@codes) are written on the sessions listed in CODED below.
# Every bank line carries the codes an expert MITI 4.2.1 coder would give
# it (see the phrase files); in a coded session every utterance was coded,
# and an utterance without a codes attribute has no code.
#
# Deterministic: every random choice comes from random.Random seeded with a
# string built from the clinician id and session position (string seeds are
# hashed with SHA-512 by Python, independent of PYTHONHASHSEED). Running it
# twice gives byte-identical files. Needs Python 3.8 or later, stdlib only.
#
# Usage: python3 datasets/demo/generate.py [OUTDIR]   (default: this folder)
#        python3 datasets/demo/generate.py --summary   (table for README.md)

import csv
import datetime
import os
import random
import sys
from xml.sax.saxutils import escape, quoteattr

sys.dont_write_bytecode = True   # leave no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import phrases_adult as PA       # noqa: E402
import phrases_common as PC      # noqa: E402
import phrases_ot as PO          # noqa: E402

CODE_NAMES = {
    "sr": "reflection.simple", "cr": "reflection.complex",
    "oq": "question.open", "cq": "question.closed",
    "val": "validation", "aff": "affirmation", "enc": "encourager",
    "jar": "jargon", "col": "collaboration", "aut": "autonomy",
    "dir": "directive", "rep": "repair", "tech": "tech.disruption",
    "wd": "rupture.withdrawal", "conf": "rupture.confrontation",
    "ct": "change-talk", "st": "sustain-talk",
}

# ---------------------------------------------------------------- profiles

MOVES = ["cr", "sr", "oq", "cq", "val", "aff", "aut", "enc", "dir", "jar"]


def prof(cr, sr, oq, cq, val, aff, aut, enc, dir_, jar, **habits):
    p = {"w": dict(zip(MOVES, [cr, sr, oq, cq, val, aff, aut, enc, dir_, jar]))}
    p.update({"combo_oq": 0.12, "jar_append": 0.0, "rupture_after_dir": 0.05,
              "repair": False, "challenge": 0.0, "name_use": 0.05,
              "persist": 0.0})
    p.update(habits)
    return p


PROFILES = {
    # experienced strong listener: reflections mostly complex, open
    # questions, validation, affirmation, client choice; R:Q well above 2
    "strong": prof(50, 12, 5, 1, 10, 8, 5, 5, 0, 0, combo_oq=0.04, name_use=0.08),
    # experienced, jargon-heavy: explains nothing in plain words
    "jargon": prof(5, 7, 7, 16, 3, 3, 2, 5, 8, 44, combo_oq=0.05, jar_append=0.35,
                   rupture_after_dir=0.05),
    # weak, directive listener: closed questions and advice without
    # permission, ruptures that are not repaired
    "directive": prof(1, 5, 4, 42, 1, 2, 0, 6, 38, 1, combo_oq=0.0,
                      rupture_after_dir=0.38, persist=0.45),
    # good listener who sometimes pushes, and repairs ruptures well
    "repair": prof(34, 10, 10, 3, 10, 7, 6, 6, 4, 0, combo_oq=0.06, repair=True,
                   challenge=1.0, rupture_after_dir=0.5),
    # experienced OT, plain language, works with the caregiver
    "ot_good": prof(24, 14, 11, 6, 10, 14, 8, 6, 1, 1, combo_oq=0.06),
    # trainees: early in the term question-heavy and closed ...
    "trainee_early": prof(1, 7, 8, 52, 4, 4, 1, 9, 12, 1, combo_oq=0.0,
                          rupture_after_dir=0.12),
    # ... late in the term more reflections and open questions
    "trainee_late": prof(30, 14, 15, 5, 10, 7, 6, 5, 1, 0, combo_oq=0.06),
    # the trainee who does not improve: the same all term
    "trainee_flat": prof(4, 9, 12, 40, 5, 5, 3, 10, 10, 0, combo_oq=0.0,
                         rupture_after_dir=0.12),
    # OT trainee: early closed and jargon-leaning, late plain and open
    "ot_trainee_early": prof(1, 5, 6, 50, 4, 8, 1, 7, 8, 10, combo_oq=0.0,
                             jar_append=0.10),
    "ot_trainee_late": prof(26, 14, 14, 5, 9, 12, 8, 5, 1, 2, combo_oq=0.06),
}


def blend(a, b, t):
    """Profile a at t=0, b at t=1; weights and numeric habits interpolate."""
    pa, pb = PROFILES[a], PROFILES[b]
    out = {"w": {m: (1 - t) * pa["w"][m] + t * pb["w"][m] for m in MOVES}}
    for k, v in pa.items():
        if k == "w":
            continue
        out[k] = (1 - t) * v + t * pb[k] if isinstance(v, float) else v
    return out

# --------------------------------------------------------------- the roster

A, O = "adult", "child"

# client: (id, fictional first name, age group, topics, first session number,
#          caregiver name for children)
CLINICIANS = [
    dict(id="C01", cohort=None, discipline="psychotherapy", style=("strong", "strong"),
         period=("2026-03-03", "2026-08-18"),
         modalities=["in-person", "video", "in-person", "in-person", "video", "in-person", "video"],
         clients=[("P101", "Alex", A, ["work_anxiety", "perfectionism"], 4, None),
                  ("P102", "Marguerite", A, ["grief", "low_mood"], 9, None),
                  ("P103", "Tomasz", A, ["drinking", "relationship"], 1, None)],
         length=(58, 86)),
    dict(id="C02", cohort=None, discipline="psychology", style=("jargon", "jargon"),
         period=("2026-03-09", "2026-08-10"),
         modalities=["in-person", "phone", "in-person", "in-person", "phone", "in-person"],
         clients=[("P104", "Priya", A, ["low_mood", "sleep"], 2, None),
                  ("P105", "Gareth", A, ["work_anxiety", "anger"], 6, None)],
         length=(44, 66)),
    dict(id="C03", cohort=None, discipline="counselling", style=("directive", "directive"),
         period=("2026-03-05", "2026-08-20"),
         modalities=["in-person", "phone", "in-person", "phone", "in-person", "phone"],
         clients=[("P106", "Deb", A, ["drinking", "anger", "sleep"], 3, None),
                  ("P107", "Kieran", A, ["social_anxiety", "low_mood"], 1, None)],
         length=(36, 56)),
    dict(id="C04", cohort=None, discipline="psychotherapy", style=("repair", "repair"),
         period=("2026-03-12", "2026-08-27"),
         modalities=["video", "video", "in-person", "video", "video", "video"],
         clients=[("P108", "Simone", A, ["relationship", "perfectionism", "grief"], 2, None),
                  ("P109", "Rangi", A, ["drinking", "anger"], 5, None),
                  ("P110", "Hannah", A, ["teen_school", "carer_burnout"], 1, None)],
         length=(52, 82), tech=2),
    dict(id="C05", cohort=None, discipline="OT", style=("ot_good", "ot_good"),
         period=("2026-03-16", "2026-08-14"),
         modalities=["in-person", "in-person", "video", "in-person", "in-person"],
         clients=[("P111", "Max", O, ["handwriting", "sensory", "scissors"], 3, "Dana"),
                  ("P112", "Ruby", O, ["dressing", "routine", "scissors"], 1, "Leila")],
         length=(44, 70)),
    dict(id="T11", cohort="2026-spring", discipline="psychotherapy",
         style=("trainee_early", "trainee_late"),
         period=("2026-03-10", "2026-05-26"),
         modalities=["in-person", "in-person", "video", "in-person", "video"],
         clients=[("P113", "Jess", A, ["social_anxiety", "low_mood"], 1, None),
                  ("P114", "Omar", A, ["sleep", "work_anxiety"], 1, None)],
         length=(40, 64)),
    dict(id="T12", cohort="2026-spring", discipline="counselling",
         style=("trainee_early", "trainee_late"),
         period=("2026-03-17", "2026-06-02"),
         modalities=["video", "phone", "video", "video", "phone"],
         clients=[("P115", "Bronwyn", A, ["carer_burnout", "sleep"], 2, None),
                  ("P116", "Luis", A, ["relationship", "anger"], 1, None)],
         length=(40, 62), tech=1, clock=True, curly=True),
    dict(id="T21", cohort="2026-summer", discipline="counselling",
         style=("trainee_flat", "trainee_flat"),
         period=("2026-06-02", "2026-08-25"),
         modalities=["in-person", "phone", "in-person", "in-person", "video"],
         clients=[("P117", "Nadia", A, ["low_mood", "perfectionism"], 1, None),
                  ("P118", "Craig", A, ["drinking", "sleep"], 2, None)],
         length=(38, 58)),
    dict(id="T22", cohort="2026-summer", discipline="psychotherapy",
         style=("trainee_early", "trainee_late"),
         period=("2026-06-04", "2026-08-27"),
         modalities=["in-person", "video", "in-person", "video", "in-person"],
         clients=[("P119", "Ellie", A, ["teen_school", "work_anxiety"], 1, None),
                  ("P120", "Sefa", A, ["grief", "social_anxiety"], 3, None)],
         length=(40, 64), tech=1),
    dict(id="T23", cohort="2026-summer", discipline="OT",
         style=("ot_trainee_early", "ot_trainee_late"),
         period=("2026-06-09", "2026-08-25"),
         modalities=["in-person", "in-person", "video", "in-person"],
         clients=[("P121", "Archie", O, ["handwriting", "dressing"], 1, "Mel"),
                  ("P122", "Zoe", O, ["sensory", "routine"], 2, "Grace")],
         length=(36, 60), corpus=True),
]

# Pronouns of the children (OT topic lines are written with placeholders).
GENDER = {"P111": "m", "P112": "f", "P121": "m", "P122": "f"}
PRONOUNS = {"m": {"he": "he", "him": "him", "his": "his", "He": "He", "His": "His",
                  "himself": "himself"},
            "f": {"he": "she", "him": "her", "his": "her", "He": "She", "His": "Her",
                  "himself": "herself"}}

# Sessions (clinician, 0-based position in date order) with human codes.
CODED = {("C01", 1), ("C02", 2), ("C03", 3), ("C04", 1), ("C05", 1),
         ("T11", 0), ("T11", 4), ("T21", 2), ("T23", 3)}

# Sessions without measures (forms not returned), and one with WAI-SR too.
NO_MEASURES = {("C02", 4), ("C03", 5), ("T12", 1), ("C05", 3), ("T21", 0)}
WAI_SR = {("C04", 3), ("C01", 4), ("T22", 4)}

# Redaction test material (client speech) by session.
LOGISTICS = {
    ("C01", 2): ("Oh, before I forget, I've got a new mobile number. It's 0491 570 156.",
                 "Thanks, {name}. I'll update your file."),
    ("C02", 1): ("My GP appointment got moved to 2026-05-19, so I'll ask about the tablets then.",
                 "Good. Please bring the medication list."),
    ("C03", 2): ("I won't be here on the 12th of June, I'm at my cousin's wedding.",
                 "Fine. I'll move you to the 19th."),
    ("C04", 4): ("Can you email the worksheet to me? It's simone.k@example.com.",
                 "Of course, {name}. I'll send it this afternoon."),
    ("C05", 2): ("If the school rings you can call me on 0491 570 110, that's my work mobile.",
                 "Thanks, {carer}. I'll write that down."),
    ("T12", 3): ("My new number is (555) 010-4477, the old one's disconnected.",
                 "Thanks for letting me know, {name}."),
    ("T22", 1): ("I've got the school meeting on 16 July, can we talk about it next time?",
                 "Yes, let's put that first on the list next time."),
}

# Unknown inline elements inside <u> (text around them is kept).
INLINE = {("C01", 3): "laughs", ("T22", 3): "pause", ("C05", 4): "pause"}

# ------------------------------------------------------- style-specific lines

OPENINGS = {
    "strong": ["oq|Hi {name}, good to see you. How have things been since we last met?",
               "oq|Come on in, {name}. How's your week been?",
               "oq|Hi {name}. What's been on your mind since last time?",
               "oq|Good to see you, {name}. Where are things at for you today?"],
    "jargon": ["jar|Good morning, {name}. Today I'd like to review your mood monitoring and then move on to some psychoeducation.",
               "jar|Hello {name}. Let's start with a brief review of your symptoms and medication adherence.",
               "jar,oq|Good afternoon. How has your affect been since our last appointment?"],
    "directive": ["cq|Right, let's get started. Did you do the homework I gave you?",
                  "cq|Morning. Did you fill in the diary?",
                  "cq|Okay, sit down. Did you do what we talked about last week?"],
    "repair": ["oq|Hi {name}, it's good to see you. How are you doing today?",
               "oq|Hi {name}. How has the week treated you?",
               "oq|Hello {name}, thanks for making the time. What's been happening?"],
    "trainee_early": ["cq|Hi {name}. Did you have a good week?",
                      "cq|Hi {name}, thanks for coming. Are you feeling any better this week?",
                      "cq|Hello {name}. Did anything happen since last time?"],
    "trainee_late": ["oq|Hi {name}, how have things been since last time?",
                     "oq|Hi {name}, good to see you. How's the week been?",
                     "oq|Hi {name}. How are you arriving today?"],
}

GREETING_REPLIES = [
    "Hi. It's been a mixed week, honestly.", "Not too bad. Better than last week.",
    "Hi. Pretty rough, to be honest.", "Okay, I think. Tired.", "Hi. Yeah, alright.",
    "Hard to say. Up and down.", "Hi. I nearly didn't come today.",
    "Good, actually. Well, mostly.",
]

OPENING_ANSWERS = [
    "Not really. It was a hard week.", "Some of it.", "Yeah, mostly.", "Sort of.",
    "No, I didn't get to it.", "A bit, yeah.", "Not really, no.",
]

AGENDAS = {
    "strong": ["col,oq|What would be most useful to focus on today?",
               "aut,oq|It's your call where we start. What feels most important today?",
               "col,oq|Last time we left a few things hanging. Where would you like to pick up?"],
    "repair": ["col,oq|What would you like us to focus on today?",
               "col,oq|We've got about fifty minutes. What feels most important to use them for?"],
    "jargon": ["jar|Then we'll continue with cognitive restructuring of the automatic thoughts from your thought record.",
               "jar|After that we'll work on your behavioural activation targets."],
    "directive": ["|Today I want to go through your diary and then I'll give you some strategies.",
                  "|We've got a lot to cover, so let's get into it.",
                  "|Right. I want to talk about what's been going wrong this week."],
    "trainee_early": ["|Today I thought we could talk about how things are going.",
                      "cq|Is it okay if we start with how your week was?"],
    "trainee_late": ["col,oq|What would you like to focus on today?",
                     "col,aut|We could pick up from last week, or start somewhere new. You choose."],
}

# Closing steps: each step is a list of alternatives (clinician line,
# client answer); one alternative is drawn per step.
CLOSINGS = {
    "strong": [
        [("cr,cq|Before we stop, let me check I've got it: this week has been heavy, and in the middle of it you've still found small ways to look after yourself. Is that about right?",
          "Yeah. That's about right."),
         ("cr|So today you've been honest about how stuck things feel, and you've also started to picture what you'd like instead. That's a lot for one hour.",
          "It is. I'm tired, but in a good way."),
         ("cr|It sounds like you're leaving with more questions than answers, and that feels okay to you today.",
          "Yeah. I think I needed to just say it all."),
         ("col,oq|We're nearly at time. What would you like to take away from today?",
          "ct|Maybe that I don't have to fix everything this week.")],
        [("col|Before you go, I'll ask you to fill in the session rating scale. I really want to know what worked today and what didn't.", "Sure."),
         ("col|Here's the rating form for today. If anything didn't sit right, please put it down; I'd rather know.", "Okay, will do.")],
        [("cq|Does the same time next week still work for you?", "Yes, that's fine."),
         ("cq|Would a fortnight suit you better this time, with the holidays?", "A fortnight's good, yeah.")],
        [("|Take care, {name}. See you then.", "Bye. Thanks."),
         ("|Look after yourself this week, {name}.", "I'll try. Thanks.")],
    ],
    "repair": [
        [("col,oq|We're nearly at time. What are you taking away from today?",
          "ct|That I'm allowed to be angry and still want things to work."),
         ("col,oq|Before we finish, what was most useful today, and what was least useful?",
          "The bit at the start was hard, but talking about it after helped."),
         ("cr|We covered a lot of ground today, including a moment where I got it wrong, and you stayed with it anyway.",
          "Yeah. I'm glad I said something.")],
        [("col|Please do fill in the rating scale honestly, including anything I got wrong today. It helps me do better.", "I will."),
         ("col|The rating form is in the chat. Be as honest as you like about how today felt.", "Okay, I'll do it now.")],
        [("|Take care, {name}. Same time next week.", "Thanks. Bye."),
         ("|Thanks, {name}. Talk next week.", "Bye.")],
    ],
    "jargon": [
        [("jar|For next week, please continue the behavioural activation schedule and the thought records.", "Okay."),
         ("jar|Between sessions, keep monitoring for cognitive distortions and note the SUDS ratings.", "Right. Okay."),
         ("jar|I'll write to your GP about the titration and the sleep hygiene plan.", "Thanks.")],
        [("|Fill in the SRS on your way out, please.", "Sure."),
         ("|Reception will give you the outcome measures to complete.", "Okay.")],
        [("|See you in two weeks.", "Bye."), ("|Same time next month, then.", "Okay, bye.")],
    ],
    "directive": [
        [("dir|So for homework you need to fill in the diary every day and do the breathing twice a day.", "Okay."),
         ("dir|This week you need to do exactly what we said. No excuses.", "wd|Fine."),
         ("dir|Before next time, you should make that phone call. Don't put it off again.", "Okay.")],
        [("|Fill this form in on your way out.", "Fine."), ("|Here's the form, fill it in before you go.", "Yeah.")],
        [("|See you next week.", "Yeah. Bye."), ("|Same time next week.", "Okay.")],
    ],
    "trainee_early": [
        [("cq|So, same time next week?", "Yeah, okay."),
         ("cq|Is next Tuesday okay for you?", "Yeah, Tuesday's fine.")],
        [("|Could you fill this form in before you go? Thanks.", "Sure."),
         ("|There's a form to fill in, sorry, it's for my supervisor.", "That's okay.")],
        [("|Okay, bye {name}.", "Bye."), ("|Thanks for coming, {name}.", "Thanks.")],
    ],
    "trainee_late": [
        [("cr|It sounds like today we found a few things that matter to you, especially how much you want things to be different.", "Yeah. It does feel a bit clearer."),
         ("cr|You came in feeling pretty stuck, and it sounds like you're leaving with at least one small thing you'd like to try.", "ct|Yeah. I want to try the walking thing."),
         ("col,oq|What's one thing from today you'd like to hold on to?", "That it's not all my fault.")],
        [("col|I'll ask you to fill in the rating form, and please be honest about anything that didn't work for you today.", "Okay."),
         ("col|Here's the session form. Anything I could do differently, please say so.", "Sure, I will.")],
        [("|Take care, {name}. See you next week.", "Thanks. See you."),
         ("|Thanks, {name}. See you next time.", "Bye.")],
    ],
}
LINES_KEY = {"trainee_flat": "trainee_early"}

# The rating-form step of a video or phone session.
REMOTE_STEP = {
    "strong": ("col|I'll text you the link to the rating form. Please be honest about what worked today and what didn't.", "Okay, will do."),
    "repair": ("col|The rating form is in the chat. Be as honest as you like about how today felt, including anything I got wrong.", "Okay, I'll do it now."),
    "jargon": ("|The administration team will email you the outcome measures.", "Okay."),
    "directive": ("|I'll text you the form. Fill it in today.", "Fine."),
    "trainee_early": ("|I'll send you a form by email, sorry, it's for my supervisor.", "That's okay."),
    "trainee_late": ("col|I'll email you the session form. Anything I could do differently, please say so.", "Sure, I will."),
}

OT_OPENINGS = [
    ("|Hi {child}! Hi {carer}. Come on in.", "C", "Hi."),
    ("|Hello {child}, hello {carer}. Shoes off and let's see what we've got today.", "C", "Can I go on the swing?"),
    ("|Hi {child}. I've got the obstacle course set up for you.", "C", "Yay!"),
]
OT_OPENINGS_VIDEO = [
    ("|Hi {child}! Hi {carer}. I can see you both. Have you got your box of things ready?", "C", "I've got the playdough!"),
    ("|Hello {child}. Can you wave to me? Great, I can see you.", "C", "Hi! This is my room."),
]
OT_CHECKIN = {
    "good": ["oq|{carer}, how have things been at home since last time?",
             "col,oq|{carer}, what would you like us to work on today?",
             "oq|How has the week been for you both?"],
    "early": ["cq|{carer}, did you do the home program this week?",
              "cq|Did {he} have a good week?",
              "cq|Did anything change since last time?"],
}
OT_ACTIVITY = [
    "|Let's try the buttons on this board. Start with the big one at the top.",
    "|Here's the putty. Find all the beads hiding inside it.",
    "|Let's do some animal walks first. Bear walk to the blue mat!",
    "|This time, hold the paper with your helper hand.",
    "|Pop the pegs on the edge of the box, one for each colour.",
    "|Let's write your name on the chalkboard, nice and big.",
    "|Show me how you'd do up your jacket.",
    "|Let's roll the playdough into a long snake.",
    "|Cut along the thick line to the star.",
    "|Push the wheelbarrow all the way to the wall and back.",
]
# Clinician lines to a child that fit almost anything the child says ...
OT_CHILD_REPLIES = [
    "enc|Mm-hmm, keep going.",
    "enc|Okay.",
    "oq|What shall we try next?",
    "oq|What do you think will happen if we try it this way?",
    "cq|Do you want a rest?",
    "cq|Shall we do one more?",
    "cq|Is that one finished?",
    "aut|You choose: the swing or the trampoline first.",
    "aut|It's up to you which colour we use.",
    "dir|You need to hold the pencil properly.",
    "dir|You have to finish this one before the swing.",
    "dir|Sit up straight and concentrate.",
]
# ... to a child who managed something ...
OT_CHILD_POSITIVE = [
    "aff|You kept going even when it was tricky.",
    "aff|Look at that! You did it by yourself.",
    "aff|You worked really hard on that one.",
    "aff|You remembered the trick from last week!",
    "oq|How did you work that out?",
]
# ... and to a child who finds something hard.
OT_CHILD_HARD = [
    "val|It makes sense you'd find that fiddly, it's really hard.",
    "val|Of course you don't like it, it's hard work for your hands.",
    "val|Lots of kids find that one tricky.",
    "enc|Mm-hmm.",
]
CHILD_YES_NO = ["Yes!", "No.", "Okay.", "Maybe.", "Yeah.", "Nope.", "Mm-hmm.", "I don't know."]
OT_DIRECTIVES = [
    "dir|You need to be more consistent with the home program.",
    "dir|You should limit the screen time to an hour a day.",
    "dir|You have to stop doing things for {him} that {he} can do {himself}.",
    "dir|You need to be firmer at bedtime.",
    "dir|You should get {him} to do {his} homework straight after school.",
    "dir|You need to put the pencil grip on every pencil in the house.",
]
CHILD_MOVES = ("cr", "sr", "oq", "cq", "aff", "val", "aut", "enc", "dir")


def is_positive(b):
    """A line about something the client managed (change talk or '+')."""
    return b is not None and (b[0] == "ct" or (len(b) > 7 and b[7] == "+"))
OT_CLOSED = [
    "cq|Did you do the putty exercises this week?",
    "cq|Has {he} been using the slope board?",
    "cq|Is {he} still waking at night?",
    "cq|Did the school get my report?",
    "cq|Is {he} eating breakfast before school?",
    "cq|Has the teacher tried the wobble cushion?",
]
OT_CLOSINGS = [
    [("aff|{child}, you worked so hard today.", "C", "Can I have a sticker?"),
     ("aff|Wow, {child}, you tried every single thing today, even the tricky ones.", "C", "I did the buttons!"),
     ("aff|{child}, you kept going even when your hands were tired. That's real hard work.", "C", "Can I come back next week?")],
    [("|Of course. Pick one from the jar.", "C", "The dinosaur one!"),
     ("|Pick a sticker on your way out.", "C", "A shark one.")],
    [("col,oq|{carer}, what feels doable at home this week?", "M", "ct|I think the button board every second day. Maybe the putty in the car."),
     ("col,oq|{carer}, of the things we did today, which would fit into your week?", "M", "ct|The heavy work in the morning, definitely. That one's easy."),
     ("col,oq|What would you like to focus on at home before next time?", "M", "Probably the mornings. That's where it all falls apart.")],
    [("aut|That sounds like a good plan, and you know your week best, so change it if you need to.", "M", "Thanks. See you next week."),
     ("aut|You're the expert on your family, so take what fits and leave the rest.", "M", "Thanks. That helps.")],
]
OT_CLOSINGS_EARLY = [
    [("dir|So this week you need to do the home program every day.", "M", "Okay. We'll try."),
     ("dir|You should do the putty and the scissors practice every night.", "M", "Every night? Okay.")],
    [("|Here's the sheet. See you next week.", "M", "Thanks."),
     ("|I'll email the home program. See you next week.", "M", "Thanks.")],
    [("|Bye {child}!", "C", "Bye."), ("|See you soon, {child}.", "C", "Bye bye.")],
]

# ---------------------------------------------------------------- helpers


def parse(entry):
    """'cr,oq|text' -> (['cr','oq'], 'text')."""
    if "|" not in entry:
        return [], entry
    codes, _, text = entry.partition("|")
    return [c for c in codes.split(",") if c], text


class Picker:
    """Draws from a bank without repeats until it is used up."""

    def __init__(self, rng):
        self.rng = rng
        self.left = {}

    def pick(self, key, bank):
        left = self.left.get(key)
        if not left:
            left = list(bank)
            self.rng.shuffle(left)
            self.left[key] = left
        return left.pop()


class Session:
    def __init__(self, rng, ctx):
        self.rng = rng
        self.ctx = ctx
        self.items = []        # ("u", who, text, codes) or ("event", type, dur)
        self.moves = {}        # internal counts for measures and summary
        self.unrepaired = 0

    def say(self, who, text, codes=()):
        text = text.replace("{name}", self.ctx.get("name", "")) \
                   .replace("{child}", self.ctx.get("name", "")) \
                   .replace("{carer}", self.ctx.get("carer") or "")
        for k, v in PRONOUNS[self.ctx.get("gender", "m")].items():
            text = text.replace("{" + k + "}", v)
        self.items.append(("u", who, text, list(codes)))
        if who == "T":
            for c in codes:
                self.moves[c] = self.moves.get(c, 0) + 1
            self.moves["t_utts"] = self.moves.get("t_utts", 0) + 1

    def event(self, etype, dur):
        self.items.append(("event", etype, dur))

    def n_utts(self):
        return sum(1 for it in self.items if it[0] == "u")

# ------------------------------------------------------------ composition


def as_beat(more):
    """A (talk, line, sr, cr) elaboration in the shape of a topic beat."""
    return (more[0], more[1], more[2], more[3], None, None, None,
            more[4] if len(more) > 4 else "")


def choose_move(rng, profile, allowed=None):
    w = profile["w"]
    moves = [m for m in MOVES if (allowed is None or m in allowed) and w[m] > 0]
    return rng.choices(moves, weights=[w[m] for m in moves])[0]


def therapist_move(s, pk, profile, move, beat, used, ot, addressee, pos=False):
    """Text and codes of one clinician move answering the current beat."""
    rng = s.rng
    fields = {"sr": 0, "cr": 1, "oq": 2, "cq": 3, "dir": 4}
    if move in ("sr", "cr"):
        # a reflection must fit what was just said: use the line's own
        # reflections, and once both are spent ask or encourage instead
        other = "cr" if move == "sr" else "sr"
        if beat is None or fields[move] in used or beat[fields[move]] is None:
            if beat is not None and fields[other] not in used and beat[fields[other]] is not None:
                move = other
            else:
                fb = ["oq", "enc", "val"]
                move = rng.choices(fb, weights=[profile["w"][m] + 1 for m in fb])[0]
    field = fields.get(move)
    if beat is not None and field is not None and field not in used \
            and beat[field] is not None and (move in ("sr", "cr") or rng.random() < 0.8):
        used.add(field)
        text = beat[field]
        answer = None
        if move == "cq":
            text, _, answer = text.partition("||")
        return [move], text, answer
    if ot and addressee == "C" and move != "jar":
        if move in ("aff", "val", "enc") or (move == "oq" and pos):
            pool = OT_CHILD_POSITIVE if pos else OT_CHILD_HARD
            if move == "aff" or move == "oq":
                pool = [e for e in pool if parse(e)[0][0] == move] or pool
        else:
            pool = [e for e in OT_CHILD_REPLIES if parse(e)[0][0] == move] or OT_CHILD_REPLIES
        codes, text = parse(pk.pick(("child", move, pos), pool))
        return codes, text, None
    bank = {"cr": PC.COMPLEX_REFLECTIONS, "sr": PC.SIMPLE_REFLECTIONS,
            "oq": PC.OPEN_QUESTIONS, "cq": OT_CLOSED if ot else PC.CLOSED_QUESTIONS,
            "val": PC.VALIDATIONS, "aff": PC.AFFIRMATIONS, "aut": PC.AUTONOMY,
            "enc": PC.ENCOURAGERS, "dir": OT_DIRECTIVES if ot else PC.DIRECTIVES,
            "jar": PC.JARGON_OT if ot else PC.JARGON_ADULT}[move]
    codes, text = parse(pk.pick(move, bank))
    return codes, text, None


def decorate(s, pk, profile, codes, text, beat, used, ot):
    """Optional second sentence: an open question or a piece of jargon."""
    rng = s.rng
    if codes and codes[0] in ("cr", "sr", "val", "aff") and "oq" not in codes \
            and rng.random() < profile["combo_oq"]:
        if beat is not None and 2 not in used and beat[2] is not None:
            used.add(2)
            q = beat[2]
        else:
            q = parse(pk.pick("oq", PC.OPEN_QUESTIONS))[1]
        codes, text = codes + ["oq"], text + " " + q
    if "jar" not in codes and rng.random() < profile["jar_append"]:
        jc, jt = parse(pk.pick("jar", PC.JARGON_OT if ot else PC.JARGON_ADULT))
        codes, text = codes + [c for c in jc if c not in codes], text + " " + jt
    if codes and codes[0] in ("cr", "sr", "aff") and rng.random() < profile["name_use"]:
        text = "{name}, " + text[0].lower() + text[1:]
    return codes, text


PREFIX = {"cr": ["Yeah, exactly. ", "Yes. ", "Mm. ", "That's it, really. ", "Yeah. ", ""],
          "sr": ["Yeah. ", "Right. ", "Yeah, ", ""],
          "val": ["Thanks. ", "Yeah. ", ""],
          "aff": ["I guess so. ", "Maybe. ", "Thanks. ", ""]}


def client_line(s, who, talk, text, prev_move):
    rng = s.rng
    pre = ""
    if prev_move in PREFIX and rng.random() < 0.55:
        pre = rng.choice(PREFIX[prev_move])
        if pre.endswith(", "):
            text = text[0].lower() + text[1:] if not text.startswith("I ") else text
    s.say(who, pre + text, [talk] if talk else [])


def tech_block(s, pk, modality, who):
    rng = s.rng
    if modality == "phone":
        etype, key = "audio-loss", "phone"
        s.event(etype, rng.uniform(2, 9))
    else:
        etype = key = rng.choice(["disconnect", "freeze", "audio-loss", "freeze"])
        s.event(etype, rng.uniform(15, 45) if etype == "disconnect" else rng.uniform(3, 12))
    t_lines, c_lines = PC.TECH[key]
    codes, text = parse(pk.pick("tech" + key, t_lines))
    s.say("T", text, codes)
    codes, text = parse(pk.pick("techc" + key, c_lines))
    s.say(who, text, codes)
    if rng.random() < 0.5:
        codes, text = parse(pk.pick("resume", PC.TECH_RESUME))
        s.say("T", text, codes)
        s.say(who, rng.choice(["Yeah. Sorry.", "Okay.", "Right, so, yeah.", "Sorry, where was I?"]))


def rupture_and_repair(s, pk, ctx):
    """A challenge that lands badly, then the clinician repairs it."""
    rng = s.rng
    codes, text = parse(pk.pick("chal", PC.CHALLENGES))
    s.say("T", text, codes)
    codes, text = parse(pk.pick("conf", PC.CONFRONTATIONS))
    s.say("C", text, codes)
    codes, text = parse(pk.pick("rep", PC.REPAIRS))
    s.say("T", text, codes)
    codes, text = parse(pk.pick("reeng", PC.REENGAGE))
    s.say("C", text, codes)
    follow = rng.choice([
        "rep,val|Thank you for telling me. It makes sense it felt that way, and it isn't what I meant.",
        "rep,cr|I hear that. You needed me to stay with how hard it's been, and I rushed to fixing it.",
        "rep|I appreciate you saying so. Let's go back to what you were telling me, at your pace.",
    ])
    codes, text = parse(follow)
    s.say("T", text, codes)
    s.say("C", rng.choice(["Yeah. Okay.", "Thanks. I appreciate that.", "Okay. So, where was I.",
                           "Yeah. It's alright.", "Thanks for saying that."]))
    s.moves["repaired"] = s.moves.get("repaired", 0) + 1


def compose(clin, k, n_total, date, client, number, modality, rng):
    """One session's items from its clinician, client and position."""
    cid = clin["id"]
    ot = client[2] == O
    t = k / (n_total - 1) if n_total > 1 else 0.0
    early, late = clin["style"]
    profile = blend(early, late, t) if early != late else PROFILES[early]
    base = late if t >= 0.5 else early
    base = LINES_KEY.get(base, base)
    ctx = {"name": client[1], "carer": client[5], "gender": GENDER.get(client[0], "m")}
    s = Session(rng, ctx)
    pk = Picker(rng)
    lo, hi = clin["length"]
    target = rng.randint(lo, hi)

    # topics: two (sometimes three) of the client's, beats in story order
    topics = list(client[3])
    rng.shuffle(topics)
    ntop = 3 if (len(topics) > 2 and target > 60) else 2
    bank = PO.TOPICS if ot else PA.TOPICS
    beats = []
    for name in topics[:ntop]:
        tb = bank[name]
        keep = sorted(rng.sample(range(len(tb)), max(4, len(tb) - rng.randint(0, 2))))
        beats.extend(tb[i] for i in keep)

    # telehealth trouble: where, not whether, is random
    tech_at = set()
    if modality == "video":
        ntech = clin.get("tech", 0) + (1 if rng.random() < 0.5 else 0)
        tech_at = set(rng.sample(range(8, max(10, target - 10)), ntech))
    elif modality == "phone" and rng.random() < 0.6:
        tech_at = {rng.randint(8, max(9, target - 12))}

    # opening and agenda
    if ot:
        opts = OT_OPENINGS_VIDEO if modality == "video" else OT_OPENINGS
        o = opts[k % len(opts)]
        s.say("T", parse(o[0])[1])
        s.say(o[1], o[2])
        kind = "early" if base == "ot_trainee_early" else "good"
        codes, text = parse(rng.choice(OT_CHECKIN[kind]))
        s.say("T", text, codes)
        if "cq" in codes:
            s.say("M", rng.choice(["Sort of.", "Some of it, yeah.", "Not really.", "Yes, mostly."]))
            s.say("T", "Okay.", ["enc"])
    else:
        codes, text = parse(rng.choice(OPENINGS[base]))
        s.say("T", text, codes)
        s.say("C", rng.choice(OPENING_ANSWERS if "cq" in codes else GREETING_REPLIES))
        if base in AGENDAS:
            codes, text = parse(rng.choice(AGENDAS[base]))
            s.say("T", text, codes)

    rupture_at = None
    if profile["challenge"] and rng.random() < 0.85:
        rupture_at = rng.randint(12, max(13, target // 2 + 8))
    ruptured = False  # an unrepaired rupture colours later client replies

    closing = OT_CLOSINGS_EARLY if (ot and base == "ot_trainee_early") else \
        OT_CLOSINGS if ot else CLOSINGS[base]
    logistics = LOGISTICS.get((cid, k))
    room = len(closing) * 2 + (2 if logistics else 0)

    bi = 0
    beat = beats[0]
    who = beat[0] if ot else "C"
    b = beat[1:] if ot else beat
    client_line(s, who, b[0], b[1], None)
    used = set()
    on_beat = 0
    while s.n_utts() < target - room:
        if s.n_utts() in tech_at or (s.n_utts() + 1) in tech_at:
            tech_at.discard(s.n_utts())
            tech_at.discard(s.n_utts() + 1)
            tech_block(s, pk, modality, "M" if ot else "C")
        if rupture_at is not None and s.n_utts() >= rupture_at:
            rupture_at = None
            rupture_and_repair(s, pk, ctx)
        # an OT activity interlude now and then
        if ot and who == "C" and rng.random() < 0.25:
            s.say("T", parse(pk.pick("act", OT_ACTIVITY))[1])
            cb = as_beat(pk.pick("cm", PO.CHILD_MORE))
            s.say("C", cb[1], [cb[0]] if cb[0] else [])
            m2 = choose_move(rng, profile, CHILD_MOVES)
            codes, text, _ = therapist_move(s, pk, profile, m2, cb[2:], set(), ot, "C",
                                            is_positive(cb))
            s.say("T", text, codes)
            cb = as_beat(pk.pick("cm", PO.CHILD_MORE))
            s.say("C", cb[1], [cb[0]] if cb[0] else [])
            who, b, used, on_beat = "C", cb, set(), 0
        move = choose_move(rng, profile)
        cur = b[2:] if b is not None else None
        codes, text, answer = therapist_move(s, pk, profile, move, cur, used, ot, who,
                                             is_positive(b))
        addressed = who
        codes, text = decorate(s, pk, profile, codes, text, cur, used, ot)
        s.say("T", text, codes)
        on_beat += 1

        # the client's answer
        if ruptured and rng.random() < profile["persist"]:
            c, tx = parse(pk.pick("wd", PC.WITHDRAWALS))
            s.say(who, tx, c)
            continue
        if "cq" in codes and "oq" not in codes and on_beat < 4:
            s.say(who, answer or (pk.pick("cyn", CHILD_YES_NO) if ot and who == "C"
                                  else pk.pick("yn", PA.YES_NO)))
            continue
        if "dir" in codes and on_beat < 4:
            if rng.random() < profile["rupture_after_dir"]:
                bank_r = PC.CONFRONTATIONS if rng.random() < 0.4 else PC.WITHDRAWALS
                c, tx = parse(pk.pick("conf" if bank_r is PC.CONFRONTATIONS else "wd", bank_r))
                s.say(who, tx, c)
                if profile["repair"]:
                    c2, t2 = parse(pk.pick("rep", PC.REPAIRS))
                    s.say("T", t2, c2)
                    c3, t3 = parse(pk.pick("reeng", PC.REENGAGE))
                    s.say(who, t3, c3)
                    s.moves["repaired"] = s.moves.get("repaired", 0) + 1
                else:
                    ruptured = True
                    s.unrepaired += 1
            else:
                c, tx = parse(pk.pick("acq", PC.ACQUIESCE))
                s.say(who, tx, c)
            continue
        if "jar" in codes and rng.random() < 0.45 and on_beat < 4:
            c, tx = parse(pk.pick("jr", PC.JARGON_REPLIES))
            s.say(who, tx, c)
            continue
        deepen = move in ("cr", "val") and rng.random() < 0.45
        if (move == "enc" and rng.random() < 0.5) or deepen:
            more = (PO.CAREGIVER_MORE if who == "M" else PO.CHILD_MORE) if ot else PA.CLIENT_MORE
            b = as_beat(pk.pick("more" + who, more))
            client_line(s, who, b[0], b[1], move)
            used, on_beat = set(), 0
            continue
        # next beat, or an elaboration when the story has run out
        bi += 1
        on_beat = 0
        used = set()
        if bi < len(beats):
            beat = beats[bi]
            who = beat[0] if ot else "C"
            b = beat[1:] if ot else beat
            client_line(s, who, b[0], b[1], codes[0] if codes and who == addressed else None)
        else:
            more = (PO.CAREGIVER_MORE if rng.random() < 0.6 else PO.CHILD_MORE) if ot else PA.CLIENT_MORE
            who = ("M" if more is PO.CAREGIVER_MORE else "C") if ot else "C"
            b = as_beat(pk.pick("more" + who, more))
            client_line(s, who, b[0], b[1], codes[0] if codes and who == addressed else None)
            if bi > len(beats) + 10:
                break

    if logistics:
        s.say(who if not ot else "M", logistics[0])
        s.say("T", logistics[1])
    for n, options in enumerate(closing):
        options = [o for o in options if modality != "in-person" or "chat" not in o[0]]
        step = rng.choice(options)
        if n == 1 and modality != "in-person":
            step = REMOTE_STEP[base] if not ot else \
                ("|I'll post you a sticker this week.", "C", "A dinosaur one!")
        tc, tt = parse(step[0])
        s.say("T", tt, tc)
        if ot:
            cc, ct = parse(step[2])
            s.say(step[1], ct, cc)
        else:
            cc, ct = parse(step[1])
            s.say("C", ct, cc)
    return s, profile


def measures(s, clin, k, client, number, rng):
    """SRS from the session's own moves, ORS from the episode of care."""
    m = s.moves
    tu = max(1, m.get("t_utts", 1))
    listen = sum(m.get(c, 0) for c in ("cr", "sr", "val", "aff", "aut", "col", "rep")) / tu
    direct = sum(m.get(c, 0) for c in ("dir", "cq")) / tu
    jar = m.get("jar", 0) / tu
    srs = 30 + 14 * (listen - 0.35) - 8 * (direct - 0.3) - 4 * jar \
        - 3 * min(s.unrepaired, 2) + rng.gauss(0, 1.2)
    srs = max(8.0, min(40.0, srs))
    good = {"strong": 1.6, "repair": 1.3, "ot_good": 1.4, "jargon": 0.5,
            "directive": 0.2}.get(clin["style"][0], 0.7)
    base = 14 + (sum(map(ord, client[0])) % 9)
    ors = base + good * (number - 1) * 0.9 + rng.gauss(0, 1.8)
    ors = max(3.0, min(38.0, ors))
    return round(srs, 1), round(ors, 1)

# ------------------------------------------------------------------ output


def clock(sec):
    h = int(sec // 3600)
    mnt = int(sec % 3600 // 60)
    return "%02d:%02d:%04.1f" % (h, mnt, sec - h * 3600 - mnt * 60)


def render_text(text, curly, inline):
    t = escape(text)
    if curly:
        t = t.replace("'", "\u2019")
    if inline:
        words = t.split(" ")
        cut = max(1, len(words) // 2)
        if inline == "laughs" and ". " in t:
            # a nervous laugh after the first sentence
            head, _, tail = t.partition(". ")
            t = head + '. <vocal desc="laughs"/> ' + tail
        else:
            t = " ".join(words[:cut]) + " <pause/> " + " ".join(words[cut:])
    return t


def timeline(s, rng):
    """The session's items with times: ("event", type, start, end) and
    ("u", who, start, end, text, codes), in order."""
    out = []
    t = rng.uniform(2.0, 6.0)
    for it in s.items:
        if it[0] == "event":
            start = t + rng.uniform(0.2, 1.5)
            end = start + it[2]
            out.append(("event", it[1], start, end))
            t = end
            continue
        _, who, text, codes = it
        words = len(text.split())
        start = t + rng.uniform(0.3, 1.6)
        if rng.random() < 0.04 and who != "T":
            start += rng.uniform(4, 12)   # a long silence before answering
        end = start + max(0.6, words * 0.36 + rng.uniform(0.2, 0.9))
        t = end
        out.append(("u", who, start, end, text, codes))
    return out


def render_session(meta, s, coded, clock_form, curly, inline, rng, indent=""):
    out = []
    ap = out.append
    ap('%s<session id="%s" date="%s" modality="%s" number="%d" language="en">'
       % (indent, meta["sid"], meta["date"], meta["modality"], meta["number"]))
    ci = indent + "  "
    cl = '%s<clinician id="%s"' % (ci, meta["clinician"])
    if meta["cohort"]:
        cl += ' cohort="%s"' % meta["cohort"]
    ap(cl + ' discipline="%s"/>' % meta["discipline"])
    ap('%s<client id="%s" age-group="%s"/>' % (ci, meta["client"], meta["age"]))
    for name, value in meta["measures"]:
        ap('%s<measure name="%s" value="%s"/>' % (ci, name, value))
    ap("%s<speakers>" % ci)
    ap('%s  <speaker id="T" role="therapist"/>' % ci)
    ap('%s  <speaker id="C" role="client" name=%s/>' % (ci, quoteattr(meta["cname"])))
    if meta["carer"]:
        ap('%s  <speaker id="M" role="caregiver" name=%s/>' % (ci, quoteattr(meta["carer"])))
    ap("%s</speakers>" % ci)
    ap("%s<transcript>" % ci)
    inline_done = False
    for it in timeline(s, rng):
        if it[0] == "event":
            ap('%s  <event type="%s" start="%s" end="%s"/>'
               % (ci, it[1], fmt_time(it[2], clock_form), fmt_time(it[3], clock_form)))
            continue
        _, who, start, end, text, codes = it
        ins = None
        if inline and not inline_done and who != "T" and len(text.split()) >= 8:
            ins, inline_done = inline, True
        attrs = ' who="%s" start="%s" end="%s"' % (who, fmt_time(start, clock_form),
                                                    fmt_time(end, clock_form))
        if coded and codes:
            attrs += ' codes="%s"' % " ".join(CODE_NAMES[c] for c in codes)
        ap("%s  <u%s>%s</u>" % (ci, attrs, render_text(text, curly, ins)))
    ap("%s</transcript>" % ci)
    ap("%s</session>" % indent)
    return "\n".join(out) + "\n"


# -------------------------------------------------- sessions in other formats

# A few sessions are written as researchers receive them from recording
# and transcription tools, their metadata in meta.csv (rapport run
# --meta): speaker labels are display names, never ids, and rapport must
# map them to roles and give them pseudonymous ids. (clinician, k):
# (format, the clinician's display name, the client's full name; all
# invented).
OTHER_FORMATS = {
    ("C01", 4): ("zoom", "Robin Hale", "Tomasz Nowicki"),
    ("T22", 1): ("teams", "Casey Lindqvist", "Ellie Marsh"),
    ("T11", 3): ("eaf", "Noor Haddad", "Omar Reyes"),
    ("C05", 3): ("cha", "Morgan Pike", None),
}
OTHER_EXT = {"zoom": "vtt", "teams": "vtt", "eaf": "eaf", "cha": "cha"}
META_COLUMNS = ["file", "session", "clinician", "cohort", "discipline",
                "client", "age-group", "date", "modality", "number",
                "language", "roles", "measure_SRS", "measure_ORS",
                "measure_WAI-SR"]


def vtt_time(sec):
    h = int(sec // 3600)
    m = int(sec % 3600 // 60)
    return "%02d:%02d:%06.3f" % (h, m, sec - h * 3600 - m * 60)


def vtt_escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def render_vtt(meta, s, rng, style, names):
    """Zoom: numbered cues, "Name: text", long turns cut into cues of
    about twelve words. Teams: GUID-like cue ids and <v Name> voices."""
    out = ["WEBVTT", ""]
    n = 0
    for it in timeline(s, rng):
        if it[0] == "event":
            continue    # captions do not record disconnects
        _, who, start, end, text, _ = it
        words = text.split()
        parts = [words] if style == "teams" or len(words) <= 14 else \
            [words[:len(words) // 2], words[len(words) // 2:]]
        t0 = start
        for i, part in enumerate(parts):
            t1 = end if i == len(parts) - 1 else \
                start + (end - start) * len(part) / len(words)
            n += 1
            body = vtt_escape(" ".join(part))
            if style == "teams":
                out.append("3f2b8c1e-5d4a-4e0b-9c7f-%012d/%d-0" % (n, n))
                out.append("%s --> %s" % (vtt_time(t0), vtt_time(t1)))
                out.append("<v %s>%s</v>" % (names[who], body))
            else:
                out.append(str(n))
                out.append("%s --> %s" % (vtt_time(t0), vtt_time(t1)))
                out.append("%s: %s" % (names[who], body))
            out.append("")
            t0 = t1
    return "\n".join(out)


def render_eaf(meta, s, rng, names):
    """ELAN 3.0: a tier per participant, times in milliseconds."""
    slots, tiers = [], {"T": [], "C": []}
    for it in timeline(s, rng):
        if it[0] == "event":
            continue
        _, who, start, end, text, _ = it
        a = len(slots) + 1
        slots += [round(start * 1000), round(end * 1000)]
        tiers[who].append((a, text))
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<ANNOTATION_DOCUMENT AUTHOR="" DATE="%sT12:00:00+00:00" FORMAT="3.0" '
           'VERSION="3.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:noNamespaceSchemaLocation="http://www.mpi.nl/tools/elan/EAFv3.0.xsd">'
           % meta["date"],
           '    <HEADER MEDIA_FILE="" TIME_UNITS="milliseconds"/>',
           '    <TIME_ORDER>']
    for i, v in enumerate(slots):
        out.append('        <TIME_SLOT TIME_SLOT_ID="ts%d" TIME_VALUE="%d"/>' % (i + 1, v))
    out.append('    </TIME_ORDER>')
    n = 0
    for who, tier in (("T", "Therapist"), ("C", "Client")):
        out.append('    <TIER LINGUISTIC_TYPE_REF="utterance" PARTICIPANT=%s TIER_ID="%s">'
                   % (quoteattr(names[who]), tier))
        for a, text in tiers[who]:
            n += 1
            out += ['        <ANNOTATION>',
                    '            <ALIGNABLE_ANNOTATION ANNOTATION_ID="a%d" '
                    'TIME_SLOT_REF1="ts%d" TIME_SLOT_REF2="ts%d">' % (n, a, a + 1),
                    '                <ANNOTATION_VALUE>%s</ANNOTATION_VALUE>' % escape(text),
                    '            </ALIGNABLE_ANNOTATION>',
                    '        </ANNOTATION>']
        out.append('    </TIER>')
    out += ['    <LINGUISTIC_TYPE GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="utterance" '
            'TIME_ALIGNABLE="true"/>', '</ANNOTATION_DOCUMENT>', '']
    return "\n".join(out)


def render_cha(meta, s, rng):
    """TalkBank CHAT: @Participants with CHAT roles (the clinician as
    Investigator), main tiers with media bullets in milliseconds."""
    months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
              "OCT", "NOV", "DEC"]
    y, m, d = meta["date"].split("-")
    code = {"T": "INV", "C": "CHI", "M": "MOT"}
    out = ["@UTF8", "@Begin", "@Languages:\teng",
           "@Participants:\tINV Investigator, CHI %s Target_Child, MOT %s Mother"
           % (meta["cname"], meta["carer"]),
           "@ID:\teng|demo|INV|||||Investigator|||",
           "@ID:\teng|demo|CHI|6;|||||Target_Child|||",
           "@ID:\teng|demo|MOT|||||Mother|||",
           "@Date:\t%s-%s-%s" % (d, months[int(m) - 1], y)]
    for it in timeline(s, rng):
        if it[0] == "event":
            continue
        _, who, start, end, text, _ = it
        # CHAT gives ( ) [ ] @ & + a meaning of their own: say them.
        text = text.replace("@", " at ").replace("(", "").replace(")", "")
        for c in "[]&+#":
            text = text.replace(c, " ")
        text = " ".join(text.split())
        if text[-1] not in ".?!":
            text += " ."
        out.append("*%s:\t%s \x15%d_%d\x15" % (code[who], text,
                                              round(start * 1000), round(end * 1000)))
    out += ["@End", ""]
    return "\n".join(out)


def meta_row(meta, path, names):
    ms = dict(meta["measures"])
    roles = ""
    if names is not None:
        roles = "%s=therapist,*=client" % names["T"]
    return [path, meta["sid"], meta["clinician"], meta["cohort"] or "",
            meta["discipline"], meta["client"], meta["age"], meta["date"],
            meta["modality"], str(meta["number"]), "en", roles,
            str(ms.get("SRS", "")), str(ms.get("ORS", "")),
            str(ms.get("WAI-SR", ""))]


def write_other(outdir, meta, s, clin, k, rng):
    """Write one session of OTHER_FORMATS; returns its meta.csv row."""
    fmt, tname, cname = OTHER_FORMATS[(clin["id"], k)]
    path = "%s-%s.%s" % (meta["clinician"], meta["sid"], OTHER_EXT[fmt])
    names = {"T": tname, "C": cname} if cname else None
    if fmt in ("zoom", "teams"):
        text = render_vtt(meta, s, rng, fmt, names)
    elif fmt == "eaf":
        text = render_eaf(meta, s, rng, names)
    else:
        text = render_cha(meta, s, rng)
    with open(os.path.join(outdir, path), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    return meta_row(meta, path, names)


def write_meta(outdir, rows):
    with open(os.path.join(outdir, "meta.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(META_COLUMNS)
        for r in rows:
            w.writerow(r)


def fmt_time(sec, clock_form):
    return clock(sec) if clock_form else "%.1f" % sec

# ---------------------------------------------------------------- schedule


def schedule(clin):
    """Dates, clients and modalities of a clinician's sessions, in order."""
    rng = random.Random("schedule-" + clin["id"])
    n = len(clin["modalities"])
    d0 = datetime.date.fromisoformat(clin["period"][0])
    d1 = datetime.date.fromisoformat(clin["period"][1])
    span = (d1 - d0).days
    dates = []
    for i in range(n):
        base = d0 + datetime.timedelta(days=round(i * span / max(1, n - 1)))
        jit = rng.randint(-3, 3) if 0 < i < n - 1 else 0
        d = base + datetime.timedelta(days=jit)
        while d.weekday() >= 5:          # clinics run Monday to Friday
            d += datetime.timedelta(days=1)
        dates.append(d)
    dates.sort()
    clients = clin["clients"]
    order = [clients[i % len(clients)] for i in range(n)]
    # swap a few neighbours so the rotation is not mechanical
    for i in range(1, n - 1, 3):
        if rng.random() < 0.5:
            order[i], order[i + 1] = order[i + 1], order[i]
    return list(zip(dates, order, clin["modalities"]))


def build_all():
    plan = []
    for clin in CLINICIANS:
        seen = {}
        for k, (date, client, modality) in enumerate(schedule(clin)):
            number = client[4] + seen.get(client[0], 0)
            seen[client[0]] = seen.get(client[0], 0) + 1
            plan.append((date.isoformat(), clin["id"], k, clin, client, number, modality))
    plan.sort(key=lambda p: (p[0], p[1]))
    sessions = []
    for idx, (date, cid, k, clin, client, number, modality) in enumerate(plan):
        sid = "S%04d" % (idx + 1)
        rng = random.Random("session-%s-%d" % (cid, k))
        n_total = len(clin["modalities"])
        s, profile = compose(clin, k, n_total, date, client, number, modality, rng)
        srs, ors = measures(s, clin, k, client, number, rng)
        ms = [] if (cid, k) in NO_MEASURES else [("SRS", srs), ("ORS", ors)]
        if (cid, k) in WAI_SR and ms:
            ms.append(("WAI-SR", round(min(5.0, 1 + srs / 10.0), 1)))
        meta = dict(sid=sid, date=date, modality=modality, number=number,
                    clinician=cid, cohort=clin["cohort"], discipline=clin["discipline"],
                    client=client[0], age=client[2], cname=client[1], carer=client[5],
                    measures=ms)
        sessions.append((meta, s, clin, k, rng))
    return sessions


HEADER = ("<!-- Synthetic demo transcript for rapport: invented dialogue, no real\n"
          "     clients or clinicians. Generated by datasets/demo/generate.py. -->\n")


def write_all(outdir):
    sessions = build_all()
    corpus = {}
    others = []
    for meta, s, clin, k, rng in sessions:
        key = (clin["id"], k)
        if key in OTHER_FORMATS:
            others.append(write_other(outdir, meta, s, clin, k, rng))
            continue
        body = render_session(meta, s, key in CODED, clin.get("clock", False),
                              clin.get("curly", False), INLINE.get(key), rng,
                              "  " if clin.get("corpus") else "")
        if clin.get("corpus"):
            corpus.setdefault(clin["id"], []).append(body)
            continue
        path = os.path.join(outdir, "%s-%s.xml" % (meta["clinician"], meta["sid"]))
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write('<?xml version="1.0" encoding="UTF-8"?>\n' + HEADER + body)
    for cid, bodies in corpus.items():
        path = os.path.join(outdir, "%s-corpus.xml" % cid)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write('<?xml version="1.0" encoding="UTF-8"?>\n' + HEADER + "<corpus>\n"
                    + "".join(bodies) + "</corpus>\n")
    write_meta(outdir, others)
    return sessions


def summary(sessions):
    """Per-clinician counts from the generator's own move labels."""
    rows = {}
    for meta, s, clin, k, rng in sessions:
        m = s.moves
        r = m.get("cr", 0) + m.get("sr", 0)
        q = m.get("oq", 0) + m.get("cq", 0)
        rows.setdefault(clin["id"], []).append(
            (meta["date"], meta["sid"], meta["modality"], s.n_utts(), r, q, m.get("cr", 0),
             m.get("oq", 0), m.get("dir", 0), m.get("jar", 0), m.get("rep", 0),
             m.get("tech", 0), s.unrepaired, meta["measures"], (clin["id"], k) in CODED))
    tot_s = tot_u = 0
    for cid, rs in rows.items():
        print("== %s" % cid)
        for row in rs:
            (d, sid, mod, nu, r, q, cr, oq, di, ja, rep, tech, unr, ms, coded) = row
            tot_s += 1
            tot_u += nu
            print("  %s %s %-9s u=%2d R=%2d Q=%2d rq=%5s cr=%2d oq=%2d dir=%2d jar=%2d rep=%d tech=%d unrep=%d %s%s"
                  % (d, sid, mod, nu, r, q, ("%.2f" % (r / q)) if q else "-", cr, oq, di, ja,
                     rep, tech, unr, " ".join("%s=%s" % x for x in ms), " CODED" if coded else ""))
    print("sessions=%d utterances=%d coded=%d" % (tot_s, tot_u, len(CODED)))


def main(argv):
    if len(argv) > 1 and argv[1] == "--summary":
        summary(build_all())
        return 0
    outdir = argv[1] if len(argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    write_all(outdir)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
