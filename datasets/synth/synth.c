/*
 * synth.c -- rapport-synth: a deterministic synthetic transcript generator
 *
 * Writes any number of made-up counselling sessions in rapport's transcript
 * format v1 (docs/architecture.md section 3), for benchmarks and scale tests: either one
 * <corpus> document (to a file or standard output) or one <session> file per
 * session in a directory.
 *
 * The model: K clinicians, each with a fixed "listening skill" and "jargon
 * habit" drawn from the seed; trainees (every third clinician) belong to a
 * cohort and improve over the year. Each session picks its clinician and a
 * client of that clinician, a date spread over 2026, a modality, SRS/ORS
 * measures that follow the clinician's skill, speakers, and a run of
 * utterances: clinician moves (reflections, open/closed questions,
 * validation, affirmation, autonomy, encouragers, directives, jargon) drawn
 * with weights from the skill, client lines (story, change and sustain talk,
 * short answers, the odd rupture), and connection events in video and phone
 * sessions. Every phrase carries the tag an expert coder would give it; every
 * tenth session (see --coded-every) writes those as human codes (u@codes).
 *
 * Determinism: the only source of randomness is our own xoshiro256** seeded
 * through splitmix64 (Vigna 2018), and each session has its own generator
 * state derived from (seed, session index), so a session is the same whether
 * it is written alone, in a corpus or in a file of its own. All numbers are
 * printed from integers (times in tenths of a second), never through
 * floating-point formatting, so output is byte-identical on every machine.
 *
 * Memory: one session is written as it is generated and nothing is kept but
 * a counter per client (clinicians x 8 ints), so memory does not grow with
 * --sessions.
 *
 * Written for rapport; every line of dialogue is invented.
 */

#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#define SYNTH_VERSION "1.0"
#define SYNTH_CLIENTS_PER_CLINICIAN 8
#define SYNTH_MAX_CLINICIANS 1000000L

enum synth_exit { SYNTH_OK = 0, SYNTH_EXIT_IO = 1, SYNTH_EXIT_USAGE = 2 };

/* ------------------------------------------------------------------ PRNG */

/* xoshiro256** 1.0 with splitmix64 seeding, Blackman & Vigna (2018),
 * https://prng.di.unimi.it/ (public domain reference code). */
struct rng {
	uint64_t s[4];
};

static uint64_t splitmix64(uint64_t *x)
{
	uint64_t z = (*x += UINT64_C(0x9e3779b97f4a7c15));

	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

static void rng_seed(struct rng *r, uint64_t seed, uint64_t stream)
{
	uint64_t x = seed ^ (stream * UINT64_C(0xd1342543de82ef95));
	int i;

	for (i = 0; i < 4; i++)
		r->s[i] = splitmix64(&x);
}

static uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static uint64_t rng_next(struct rng *r)
{
	uint64_t *s = r->s;
	uint64_t result = rotl(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

/* Uniform integer in [0, n), n > 0, without modulo bias (rejection). */
static uint64_t rng_below(struct rng *r, uint64_t n)
{
	uint64_t limit = UINT64_MAX - UINT64_MAX % n;
	uint64_t x;

	do
		x = rng_next(r);
	while (x >= limit);
	return x % n;
}

/* Uniform integer in [lo, hi]. */
static long rng_range(struct rng *r, long lo, long hi)
{
	return lo + (long)rng_below(r, (uint64_t)(hi - lo + 1));
}

/* True with probability per_mille / 1000. */
static int rng_chance(struct rng *r, int per_mille)
{
	return (int)rng_below(r, 1000) < per_mille;
}

/* ---------------------------------------------------------- phrase banks */

/* A phrase and the tags an expert coder would give it (docs/architecture.md section
 * 4), "" for none. '@' in a phrase is replaced by the client's name. */
struct phrase {
	const char *codes;
	const char *text;
};

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

static const struct phrase complex_reflections[] = {
	{"reflection.complex", "It sounds like you've been carrying this on your own for a long time."},
	{"reflection.complex", "Part of you wants things to change, and part of you is worn out from trying."},
	{"reflection.complex", "On the one hand the drinking helps you unwind, and at the same time it's starting to cost you."},
	{"reflection.complex", "There's a lot of sadness underneath what you're describing."},
	{"reflection.complex", "You're worried that if you slow down, everything will fall apart."},
	{"reflection.complex", "It's not just the sleep, it's what the tiredness is doing to the rest of your life."},
	{"reflection.complex", "You want to be the parent your kids need, and right now that feels out of reach."},
	{"reflection.complex", "It sounds like being let down so often has made hoping feel risky."},
	{"reflection.complex", "You're angry, and underneath the anger there's a lot of hurt."},
	{"reflection.complex", "Part of you already knows what you want; getting there is the hard bit."},
};

static const struct phrase simple_reflections[] = {
	{"reflection.simple", "You haven't been sleeping."},
	{"reflection.simple", "It's been a hard week."},
	{"reflection.simple", "You went for a walk on Sunday."},
	{"reflection.simple", "You're not sure what to do."},
	{"reflection.simple", "Your boss noticed."},
	{"reflection.simple", "You've been drinking more on weeknights."},
	{"reflection.simple", "The mornings are the worst part."},
};

static const struct phrase open_questions[] = {
	{"question.open", "What's that been like for you?"},
	{"question.open", "How did you get through it?"},
	{"question.open", "What would you like to be different?"},
	{"question.open", "What do you make of that?"},
	{"question.open", "What happened next?"},
	{"question.open", "How would you know things were getting better?"},
	{"question.open", "What matters most to you about this?"},
};

static const struct phrase closed_questions[] = {
	{"question.closed", "Did you do the worksheet?"},
	{"question.closed", "Are you sleeping okay?"},
	{"question.closed", "Have you tried exercise?"},
	{"question.closed", "Is that still happening?"},
	{"question.closed", "Did you tell anyone?"},
	{"question.closed", "Are you still taking the tablets?"},
	{"question.closed", "Was that on the weekend?"},
	{"question.closed", "Did that help?"},
};

static const struct phrase validations[] = {
	{"validation", "That makes a lot of sense, given everything you've been dealing with."},
	{"validation", "Anyone in your position would feel that way."},
	{"validation", "It's completely understandable that you'd be anxious about that."},
	{"validation", "Of course you're tired."},
	{"validation", "No wonder you're frustrated."},
};

static const struct phrase affirmations[] = {
	{"affirmation", "You've worked really hard on this."},
	{"affirmation", "It took courage to tell me that."},
	{"affirmation", "You've kept going through some really tough weeks."},
	{"affirmation", "You clearly care a lot about your family."},
	{"affirmation", "That was a creative way to handle it."},
};

static const struct phrase autonomy[] = {
	{"autonomy", "It's your call what you do with this."},
	{"autonomy", "You know your life better than anyone."},
	{"collaboration question.open", "What would you like to focus on today?"},
	{"collaboration", "We can work this out together."},
};

static const struct phrase encouragers[] = {
	{"encourager", "Mm-hmm."}, {"encourager", "Go on."}, {"encourager", "Right."},
	{"encourager", "I see."},
};

static const struct phrase directives[] = {
	{"directive", "You need to start exercising."},
	{"directive", "You should just tell them how you feel."},
	{"directive", "You have to stop doing that."},
	{"directive", "You need to cut down to two drinks a night."},
	{"directive", "You should be in bed by ten."},
	{"directive", "You must do the homework this week."},
};

static const struct phrase jargon[] = {
	{"jargon", "That sounds like catastrophizing, a classic cognitive distortion."},
	{"jargon", "We'll start with some psychoeducation about the stress response."},
	{"jargon", "Given the comorbid anxiety, that presentation isn't surprising."},
	{"jargon", "That looks like emotional dysregulation."},
	{"jargon", "Your psychiatrist may want to titrate the SSRI."},
	{"jargon", "Benzodiazepines are contraindicated with alcohol."},
	{"jargon", "Avoidance is a safety behaviour maintained by negative reinforcement."},
	{"jargon", "He needs more proprioceptive input before tabletop tasks."},
	{"jargon", "We'll use a sensory integration approach."},
	{"jargon", "There may be some executive functioning difficulties."},
};

static const struct phrase client_story[] = {
	{"", "Work has been really stressful. I can't stop thinking about the presentation."},
	{"", "I just can't sleep. I lie there until three in the morning."},
	{"", "My partner and I have been fighting about stupid stuff."},
	{"", "I've been feeling flat. Nothing seems worth doing."},
	{"", "My daughter hasn't been to school for three weeks."},
	{"", "Mum's getting worse and my brother won't help."},
	{"", "I had to leave the meeting, my heart was pounding."},
	{"", "It's been six months since Dad died and everyone expects me to be over it."},
	{"", "I skipped my tutorial again. I couldn't go in."},
	{"", "I lost my temper in the car park with the kids in the back."},
};

static const struct phrase child_story[] = {
	{"", "His teacher says his writing is really hard to read."},
	{"", "She can't do her buttons, so I end up dressing her every morning."},
	{"", "He covers his ears and hides under the chairs at assembly."},
	{"", "I did the zip on my jacket by myself!"},
	{"", "Cutting is hard. The scissors go wonky."},
	{"", "She cries every morning at the school gate."},
};

static const struct phrase client_change[] = {
	{"change-talk", "I want to be able to speak up without panicking."},
	{"change-talk", "I did go for a walk on Sunday."},
	{"change-talk", "Maybe I could stop keeping it in the house."},
	{"change-talk", "I'd really like to get my old life back."},
	{"change-talk", "I tried the breathing and it helped a bit."},
};

static const struct phrase client_sustain[] = {
	{"sustain-talk", "Everyone at work drinks. It's how we unwind."},
	{"sustain-talk", "I don't see the point of trying. It won't change."},
	{"sustain-talk", "I've tried that before. It didn't work."},
	{"sustain-talk", "It's the only thing that switches my brain off."},
};

static const struct phrase client_short[] = {
	{"", "Yeah."}, {"", "No."}, {"", "Not really."}, {"", "Sometimes."},
	{"", "I think so."}, {"", "A bit."}, {"", "Okay."},
};

static const struct phrase client_rupture[] = {
	{"rupture.withdrawal", "I guess."},
	{"rupture.withdrawal", "Whatever."},
	{"rupture.withdrawal", "I don't know."},
	{"rupture.confrontation", "This isn't helping."},
	{"rupture.confrontation", "You're not listening to me."},
};

static const struct phrase client_elaborate[] = {
	{"", "Yeah, exactly. It's like a weight on my chest most days."},
	{"", "That's it. Nobody else seems to get that."},
	{"", "I hadn't thought about it like that."},
	{"", "It's been like this since before Christmas, to be honest."},
	{"", "I felt embarrassed even telling you that."},
};

static const struct phrase repairs[] = {
	{"repair question.closed", "I think I pushed too hard there. Can I check how that landed?"},
	{"repair question.open", "What was it like to hear me say that?"},
	{"repair", "I got that wrong, and I'm sorry. Thank you for telling me."},
};

static const struct phrase tech_therapist[] = {
	{"tech.disruption", "Sorry, you froze there for a second."},
	{"tech.disruption", "I think you're on mute."},
	{"tech.disruption question.closed", "Can you hear me now?"},
	{"tech.disruption", "Sorry, I lost you for a moment."},
};

static const struct phrase tech_client[] = {
	{"tech.disruption", "Sorry, the wifi here is terrible."},
	{"tech.disruption", "Sorry, I was on mute."},
	{"tech.disruption", "I'm back. It kicked me out."},
};

static const char *const client_names[] = {
	"Alex", "Sam", "Jordan", "Priya", "Tomasz", "Marguerite", "Kieran", "Deb",
	"Rangi", "Hannah", "Omar", "Jess", "Luis", "Nadia", "Craig", "Ellie",
	"Sefa", "Bronwyn", "Gareth", "Simone",
};

static const char *const carer_names[] = {
	"Dana", "Leila", "Mel", "Grace", "Chris", "Fatima",
};

/* -------------------------------------------------------------- options */

struct options {
	unsigned long sessions;
	uint64_t seed;
	long clinicians;
	long umin, umax;
	long coded_every;
	const char *outfile;
	const char *dir;
};

static void usage(FILE *f)
{
	fputs("Usage: rapport-synth [OPTION]...\n"
	      "Write synthetic counselling transcripts (rapport format v1).\n"
	      "\n"
	      "  --sessions N         number of sessions (default 100)\n"
	      "  --seed S             random seed, any unsigned 64-bit integer (default 1)\n"
	      "  --clinicians K       number of clinicians (default 10)\n"
	      "  --utterances MIN-MAX utterances per session (default 30-90)\n"
	      "  --coded-every M      write human codes on every M-th session (default 10,\n"
	      "                       0 for none)\n"
	      "  -o FILE              write one <corpus> document to FILE (default: stdout)\n"
	      "  --per-file DIR       write one <session> file per session into DIR\n"
	      "                       (created if missing), named S00000001.xml, ...\n"
	      "  --help               show this help and exit\n"
	      "  --version            show the version and exit\n"
	      "\n"
	      "The same arguments give byte-identical output on every machine.\n"
	      "Memory use does not grow with --sessions.\n", f);
}

/* Parses an unsigned decimal number; returns 0 or -1. */
static int parse_ulong(const char *s, unsigned long long *out)
{
	char *end = NULL;

	if (s == NULL || *s < '0' || *s > '9')
		return -1;
	errno = 0;
	*out = strtoull(s, &end, 10);
	return (errno != 0 || *end != '\0') ? -1 : 0;
}

static int parse_range(const char *s, long *lo, long *hi)
{
	char buf[64];
	char *dash;
	unsigned long long a, b;

	if (s == NULL || strlen(s) >= sizeof buf)
		return -1;
	strcpy(buf, s);
	dash = strchr(buf, '-');
	if (dash == NULL)
		return -1;
	*dash = '\0';
	if (parse_ulong(buf, &a) < 0 || parse_ulong(dash + 1, &b) < 0)
		return -1;
	if (a < 3 || a > b || b > 100000)
		return -1;
	*lo = (long)a;
	*hi = (long)b;
	return 0;
}

/* Returns -1 on a usage error (message printed), 1 after --help/--version,
 * 0 to go on. */
static int parse_args(int argc, char **argv, struct options *o)
{
	int i;
	unsigned long long v;

	/* every option takes a value, except --help and --version */
	for (i = 1; i < argc; i += 2) {
		const char *a = argv[i];
		const char *val = i + 1 < argc ? argv[i + 1] : NULL;

		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			usage(stdout);
			return 1;
		} else if (strcmp(a, "--version") == 0) {
			printf("rapport-synth %s\n", SYNTH_VERSION);
			return 1;
		} else if (strcmp(a, "--sessions") == 0 && parse_ulong(val, &v) == 0
			   && v <= ULONG_MAX && v <= 99999999ULL) {
			o->sessions = (unsigned long)v;
		} else if (strcmp(a, "--seed") == 0 && parse_ulong(val, &v) == 0) {
			o->seed = (uint64_t)v;
		} else if (strcmp(a, "--clinicians") == 0 && parse_ulong(val, &v) == 0
			   && v >= 1 && v <= (unsigned long long)SYNTH_MAX_CLINICIANS) {
			o->clinicians = (long)v;
		} else if (strcmp(a, "--utterances") == 0
			   && parse_range(val, &o->umin, &o->umax) == 0) {
			;
		} else if (strcmp(a, "--coded-every") == 0 && parse_ulong(val, &v) == 0
			   && v <= 1000000) {
			o->coded_every = (long)v;
		} else if (strcmp(a, "-o") == 0 && val != NULL) {
			o->outfile = val;
		} else if (strcmp(a, "--per-file") == 0 && val != NULL) {
			o->dir = val;
		} else {
			static const char *const known[] = {"--sessions", "--seed", "--clinicians",
				"--utterances", "--coded-every", "-o", "--per-file"};
			const char *what = "unknown option";
			size_t k;

			for (k = 0; k < N_OF(known); k++)
				if (strcmp(a, known[k]) == 0)
					what = "missing or bad value for";
			fprintf(stderr, "rapport-synth: %s '%s'\nTry 'rapport-synth --help'.\n",
				what, a);
			return -1;
		}
	}
	if (o->outfile != NULL && o->dir != NULL) {
		fputs("rapport-synth: use either -o FILE or --per-file DIR, not both\n", stderr);
		return -1;
	}
	return 0;
}

/* ------------------------------------------------------------ the model */

/* What is fixed about a clinician, derived from (seed, clinician index). */
struct clinician {
	long index;
	int skill;      /* listening skill, per mille */
	int jargon;     /* jargon habit, per mille */
	int trainee;    /* 0 experienced, 1 or 2: cohort */
	int ot;         /* occupational therapist with child clients */
};

static void clinician_make(struct clinician *c, uint64_t seed, long index)
{
	struct rng r;

	rng_seed(&r, seed, UINT64_C(0x4000000000000000) + (uint64_t)index);
	c->index = index;
	c->trainee = index % 3 == 2 ? 1 + (int)((index / 3) % 2) : 0;
	c->ot = index % 5 == 4;
	c->skill = c->trainee ? (int)rng_range(&r, 100, 400) : (int)rng_range(&r, 150, 900);
	c->jargon = rng_chance(&r, 200) ? (int)rng_range(&r, 200, 450) : (int)rng_range(&r, 0, 60);
}

/* Day number of a civil date and back (Hinnant, "chrono-Compatible
 * Low-Level Date Algorithms", 2013), so dates need no time.h. */
static long days_from_civil(long y, long m, long d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, long *y, long *m, long *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	*y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp + (mp < 10 ? 3 : -9);
	*y += *m <= 2;
}

/* ------------------------------------------------------------- writing */

/* Writes text with XML escapes, '@' replaced by name. */
static void put_text(FILE *f, const char *s, const char *name)
{
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		case '@': fputs(name, f); break;
		default: putc(*s, f);
		}
	}
}

/* Writes tenths of a second as "12.5". */
static void put_time(FILE *f, long tenths)
{
	fprintf(f, "%ld.%ld", tenths / 10, tenths % 10);
}

static long count_words(const char *s)
{
	long n = 0;
	int in = 0;

	for (; *s != '\0'; s++) {
		if (*s == ' ') {
			in = 0;
		} else if (!in) {
			in = 1;
			n++;
		}
	}
	return n;
}

/* The state of one session while it is written. */
struct writer {
	FILE *f;
	struct rng *r;
	const char *indent;
	const char *name;
	long t;         /* clock, tenths of a second */
	int coded;
};

static void put_utterance(struct writer *w, const char *who, const struct phrase *p)
{
	long start = w->t + rng_range(w->r, 3, 16);
	long end = start + 6 + count_words(p->text) * 36 / 10 + rng_range(w->r, 2, 9);

	fprintf(w->f, "%s    <u who=\"%s\" start=\"", w->indent, who);
	put_time(w->f, start);
	fputs("\" end=\"", w->f);
	put_time(w->f, end);
	fputc('"', w->f);
	if (w->coded && p->codes[0] != '\0')
		fprintf(w->f, " codes=\"%s\"", p->codes);
	fputc('>', w->f);
	put_text(w->f, p->text, w->name);
	fputs("</u>\n", w->f);
	w->t = end;
}

static void put_event(struct writer *w, const char *type, long tenths)
{
	long start = w->t + rng_range(w->r, 2, 15);

	fprintf(w->f, "%s    <event type=\"%s\" start=\"", w->indent, type);
	put_time(w->f, start);
	fputs("\" end=\"", w->f);
	put_time(w->f, start + tenths);
	fputs("\"/>\n", w->f);
	w->t = start + tenths;
}

#define PICK(r, bank) (&(bank)[rng_below((r), N_OF(bank))])

/* Clinician move weights (per mille of the remaining choice) follow the
 * skill: a skilled listener reflects and asks open questions, a weak one
 * asks closed questions and gives advice. */
static const struct phrase *therapist_move(struct rng *r, int skill, int jargon_pm)
{
	long x;

	if (rng_chance(r, jargon_pm))
		return PICK(r, jargon);
	x = rng_range(r, 0, 999);
	if (x < skill * 35 / 100)
		return PICK(r, complex_reflections);
	x -= skill * 35 / 100;
	if (x < 60 + skill / 10)
		return PICK(r, simple_reflections);
	x -= 60 + skill / 10;
	if (x < 80 + skill / 8)
		return PICK(r, open_questions);
	x -= 80 + skill / 8;
	if (x < (1000 - skill) * 35 / 100)
		return PICK(r, closed_questions);
	x -= (1000 - skill) * 35 / 100;
	if (x < skill / 8)
		return PICK(r, validations);
	x -= skill / 8;
	if (x < skill / 10)
		return PICK(r, affirmations);
	x -= skill / 10;
	if (x < skill / 12)
		return PICK(r, autonomy);
	x -= skill / 12;
	if (x < (1000 - skill) / 5)
		return PICK(r, directives);
	return PICK(r, encouragers);
}

/* The client's answer to a clinician move. */
static const struct phrase *client_move(struct rng *r, const struct phrase *t, int skill,
					 int child)
{
	if (strstr(t->codes, "question.closed") != NULL && rng_chance(r, 700))
		return PICK(r, client_short);
	if (strcmp(t->codes, "directive") == 0) {
		if (rng_chance(r, 300 - skill / 4))
			return PICK(r, client_rupture);
		return PICK(r, client_sustain);
	}
	if (strstr(t->codes, "reflection") != NULL && rng_chance(r, 300))
		return PICK(r, client_elaborate);
	if (rng_chance(r, 150 + skill / 5))
		return PICK(r, client_change);
	if (rng_chance(r, 120))
		return PICK(r, client_sustain);
	return child ? PICK(r, child_story) : PICK(r, client_story);
}

static const char *const modalities[] = {"in-person", "video", "phone"};

/* Writes session number idx (0-based) of total. */
static void write_session(FILE *f, const struct options *o, unsigned long idx,
			  int *visits, const char *indent)
{
	static const struct phrase greet = {"question.open", "Hi @, how have things been since last time?"};
	static const struct phrase bye = {"", "Take care, @. See you next week."};
	struct rng r;
	struct clinician c;
	struct writer w;
	long clin, client, cslot, n, count, day, y, m, d, skill, srs, ors;
	int mod, child, number, ruptures = 0;
	const char *name;

	rng_seed(&r, o->seed, (uint64_t)idx);
	clin = (long)rng_below(&r, (uint64_t)o->clinicians);
	clinician_make(&c, o->seed, clin);
	cslot = (long)rng_below(&r, SYNTH_CLIENTS_PER_CLINICIAN);
	client = clin * SYNTH_CLIENTS_PER_CLINICIAN + cslot;
	number = ++visits[client];
	child = c.ot;
	name = client_names[(client * 7 + 3) % (long)N_OF(client_names)];

	/* dates run through 2026 in session order; trainees improve with it */
	day = days_from_civil(2026, 1, 5) + (long)((unsigned long long)idx * 357ULL
						      / (o->sessions ? o->sessions : 1));
	civil_from_days(day, &y, &m, &d);
	skill = c.skill;
	if (c.trainee)
		skill += (long)((unsigned long long)idx * 450ULL / (o->sessions ? o->sessions : 1));
	mod = rng_chance(&r, 500) ? 0 : rng_chance(&r, 700) ? 1 : 2;

	fprintf(f, "%s<session id=\"S%08lu\" date=\"%04ld-%02ld-%02ld\" modality=\"%s\""
		" number=\"%d\" language=\"en\">\n", indent, idx + 1, y, m, d, modalities[mod], number);
	fprintf(f, "%s  <clinician id=\"C%04ld\"", indent, clin + 1);
	if (c.trainee)
		fprintf(f, " cohort=\"2026-%s\"", c.trainee == 1 ? "spring" : "fall");
	fprintf(f, " discipline=\"%s\"/>\n", c.ot ? "OT" : "psychotherapy");
	fprintf(f, "%s  <client id=\"P%06ld\" age-group=\"%s\"/>\n", indent, client + 1,
		child ? "child" : "adult");
	if (rng_chance(&r, 900)) {
		srs = 200 + skill * 18 / 100 + rng_range(&r, -25, 25) - c.jargon / 20;
		srs = srs < 0 ? 0 : srs > 400 ? 400 : srs;
		ors = 150 + number * (5 + skill / 100) + rng_range(&r, -30, 30);
		ors = ors < 0 ? 0 : ors > 400 ? 400 : ors;
		fprintf(f, "%s  <measure name=\"SRS\" value=\"%ld.%ld\"/>\n", indent, srs / 10, srs % 10);
		fprintf(f, "%s  <measure name=\"ORS\" value=\"%ld.%ld\"/>\n", indent, ors / 10, ors % 10);
	}
	fprintf(f, "%s  <speakers>\n%s    <speaker id=\"T\" role=\"therapist\"/>\n", indent, indent);
	fprintf(f, "%s    <speaker id=\"C\" role=\"client\" name=\"%s\"/>\n", indent, name);
	if (child)
		fprintf(f, "%s    <speaker id=\"M\" role=\"caregiver\" name=\"%s\"/>\n", indent,
			carer_names[client % (long)N_OF(carer_names)]);
	fprintf(f, "%s  </speakers>\n%s  <transcript>\n", indent, indent);

	w.f = f;
	w.r = &r;
	w.indent = indent;
	w.name = name;
	w.t = rng_range(&r, 20, 60);
	w.coded = o->coded_every > 0 && idx % (unsigned long)o->coded_every == 0;

	/* greeting, opening story, clinician/client pairs, goodbye */
	n = rng_range(&r, o->umin, o->umax);
	put_utterance(&w, "T", &greet);
	put_utterance(&w, child ? "M" : "C", child ? PICK(&r, child_story) : PICK(&r, client_story));
	for (count = 3; count + 2 <= n; count += 2) {
		const struct phrase *tp, *cp;

		if (mod != 0 && count > 6 && count + 4 <= n && rng_chance(&r, 25)) {
			/* one draw per statement: argument order is unspecified */
			const char *type = mod == 2 ? "audio-loss" :
				rng_chance(&r, 500) ? "freeze" : "disconnect";
			long len = rng_range(&r, 30, 400);

			put_event(&w, type, len);
			put_utterance(&w, "T", PICK(&r, tech_therapist));
			put_utterance(&w, child ? "M" : "C", PICK(&r, tech_client));
			count += 2;
		}
		tp = therapist_move(&r, (int)skill, c.jargon);
		if (ruptures > 0 && skill > 600 && rng_chance(&r, 600)) {
			tp = PICK(&r, repairs);   /* skilled clinicians repair */
			ruptures = 0;
		}
		put_utterance(&w, "T", tp);
		cp = client_move(&r, tp, (int)skill, child);
		if (strncmp(cp->codes, "rupture", 7) == 0)
			ruptures++;
		put_utterance(&w, child && rng_chance(&r, 400) ? "M" : "C", cp);
	}
	put_utterance(&w, "T", &bye);
	fprintf(f, "%s  </transcript>\n%s</session>\n", indent, indent);
}

/* ------------------------------------------------------------- drivers */

static const char xml_decl[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
static const char banner[] =
	"<!-- Synthetic transcripts written by rapport-synth: invented dialogue,"
	" no real people. -->\n";

static int write_corpus(const struct options *o, int *visits)
{
	FILE *f = stdout;
	unsigned long i;
	int rc = 0;

	if (o->outfile != NULL && strcmp(o->outfile, "-") != 0) {
		f = fopen(o->outfile, "w");
		if (f == NULL) {
			fprintf(stderr, "rapport-synth: %s: %s\n", o->outfile, strerror(errno));
			return -1;
		}
	}
	setvbuf(f, NULL, _IOFBF, 1 << 16);
	fputs(xml_decl, f);
	fputs(banner, f);
	fputs("<corpus>\n", f);
	for (i = 0; i < o->sessions; i++)
		write_session(f, o, i, visits, "  ");
	fputs("</corpus>\n", f);
	if (fflush(f) != 0 || ferror(f))
		rc = -1;
	if (f != stdout && fclose(f) != 0)
		rc = -1;
	if (rc < 0)
		fprintf(stderr, "rapport-synth: write error: %s\n", strerror(errno));
	return rc;
}

static int write_files(const struct options *o, int *visits)
{
	size_t len = strlen(o->dir) + 32;
	char *path = malloc(len);
	unsigned long i;

	if (path == NULL) {
		fputs("rapport-synth: out of memory\n", stderr);
		return -1;
	}
	if (mkdir(o->dir, 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, "rapport-synth: %s: %s\n", o->dir, strerror(errno));
		free(path);
		return -1;
	}
	for (i = 0; i < o->sessions; i++) {
		FILE *f;

		snprintf(path, len, "%s/S%08lu.xml", o->dir, i + 1);
		f = fopen(path, "w");
		if (f == NULL) {
			fprintf(stderr, "rapport-synth: %s: %s\n", path, strerror(errno));
			free(path);
			return -1;
		}
		fputs(xml_decl, f);
		fputs(banner, f);
		write_session(f, o, i, visits, "");
		if (ferror(f) || fclose(f) != 0) {
			fprintf(stderr, "rapport-synth: %s: write error\n", path);
			free(path);
			return -1;
		}
	}
	free(path);
	return 0;
}

int main(int argc, char **argv)
{
	struct options o = {100, 1, 10, 30, 90, 10, NULL, NULL};
	int *visits;
	int rc;

	rc = parse_args(argc, argv, &o);
	if (rc != 0)
		return rc > 0 ? SYNTH_OK : SYNTH_EXIT_USAGE;
	visits = calloc((size_t)o.clinicians * SYNTH_CLIENTS_PER_CLINICIAN, sizeof *visits);
	if (visits == NULL) {
		fputs("rapport-synth: out of memory\n", stderr);
		return SYNTH_EXIT_IO;
	}
	rc = o.dir != NULL ? write_files(&o, visits) : write_corpus(&o, visits);
	free(visits);
	return rc == 0 ? SYNTH_OK : SYNTH_EXIT_IO;
}
