/* analyzer.h -- the analyzer registry (one table, tmux cmd.c style).
 *
 * An analyzer reads one utterance with its context and appends tags. Most
 * tags need nothing but their rules, and the generic analyzer runs those.
 * A tag family whose decision needs context a regular expression cannot
 * express (questions: sentence by sentence; reflections: overlap with what
 * the client said) is "claimed" by its own analyzer, which is then the
 * only one that runs the rules of that family. Adding an analyzer is one
 * file plus one line in analyzer.c's table.
 */
#ifndef RAPPORT_ANALYZER_H
#define RAPPORT_ANALYZER_H

#include <stddef.h>

#include "analyze.h"
#include "rules.h"
#include "session.h"

/* One utterance and its context. */
struct analyzer_input {
	const session			*s;
	size_t				 i;	/* index into s->utts */
	const struct session_utt	*u;
	struct rules_subject		 sub;	/* u's text, side, previous */
	/* The client-side utterance this one answers: the nearest earlier
	 * client-side one, looking back past at most
	 * ANALYZER_CLIENT_LOOKBACK utterances; NULL when there is none. */
	const struct session_utt	*client;
	/* The tags already decided for the utterances before this one:
	 * done[k] belongs to s->utts[k], for k < i. */
	const struct analyze_utt	*done;
};
#define ANALYZER_CLIENT_LOOKBACK 2

struct analyzer {
	const char	*name;
	/* Tag family this analyzer decides alone (TAG_QUESTION claims
	 * question, question.open, ...); -1 for none. */
	int		 claims;
	/* Build read-only state from the rule set (may return NULL when
	 * it needs none). Sets *why and returns NULL with *why set on
	 * failure. */
	void		*(*init)(const rules_set *rs, char **why);
	/* Tag in->u into out. Returns 0, or -1 on a matching error. */
	int		 (*run)(const void *state, rules_ctx *cx,
			    const struct analyzer_input *in,
			    struct analyze_utt *out);
	void		 (*free)(void *state);
};

/* The registered analyzers in run order; *n gets their number. */
const struct analyzer *analyzer_all(size_t *n);
/* Is tag claimed by a family analyzer (so the generic one skips it)? */
int analyzer_claimed(int tag);

/* Append a tag to out. Strings are borrowed (from the rule set or static
 * storage). */
void analyzer_add(struct analyze_utt *out, int tag, size_t start, size_t end,
    const char *rule, const char *term, const char *plain);
/* Does out already hold a tag equal to tag (not counting children)? */
int analyzer_holds(const struct analyze_utt *out, int tag);

/* The analyzers of the table (each in its own file). */
extern const struct analyzer analyzer_generic;
extern const struct analyzer analyzer_question;
extern const struct analyzer analyzer_reflection;
extern const struct analyzer analyzer_talk;
extern const struct analyzer analyzer_talk_sustain;

#endif
