/* utterances.c -- render utterances.jsonl lines. */
#include "config.h"

#include "fmt.h"
#include "tags.h"
#include "textstats.h"
#include "utterances.h"

void
utterances_head(strbuf *b, const session *s, size_t i)
{
	const struct session_utt *u = &s->utts[i];
	const struct session_speaker *sp = &s->speakers[u->speaker];

	strbuf_adds(b, "{\"session\":");
	fmt_json_str(b, s->id);
	strbuf_addf(b, ",\"index\":%zu,\"speaker\":", u->index);
	fmt_json_str(b, sp->id);
	strbuf_adds(b, ",\"role\":");
	fmt_json_str(b, session_role_name(sp->role));
	strbuf_adds(b, ",\"start\":");
	fmt_json_num(b, u->start);
	strbuf_adds(b, ",\"end\":");
	fmt_json_num(b, u->end);
}

void
utterances_render(strbuf *b, const session *s, const struct analyze_result *r)
{
	const struct tags_entry *vocab;
	size_t nvocab;

	vocab = tags_all(&nvocab);
	for (size_t i = 0; i < s->nutts; i++) {
		const struct session_utt *u = &s->utts[i];
		const struct analyze_utt *au = &r->utts[i];

		utterances_head(b, s, i);
		strbuf_addf(b, ",\"words\":%zu,\"tags\":[",
		    u->words);
		for (size_t k = 0; k < au->ntags; k++) {
			const struct analyze_tag *t = &au->tags[k];

			strbuf_adds(b, k ? ",{\"tag\":" : "{\"tag\":");
			fmt_json_str(b, vocab[t->tag].name);
			strbuf_addf(b, ",\"start\":%zu,\"end\":%zu,\"rule\":",
			    t->start, t->end);
			fmt_json_str(b, t->rule);
			if (t->term != NULL) {
				strbuf_adds(b, ",\"term\":");
				fmt_json_str(b, t->term);
				strbuf_adds(b, ",\"plain\":");
				fmt_json_str(b, t->plain);
			}
			strbuf_addc(b, '}');
		}
		strbuf_adds(b, "],\"codes\":[");
		for (size_t k = 0; k < u->ncodes; k++) {
			strbuf_adds(b, k ? "," : "");
			fmt_json_str(b, u->codes[k]);
		}
		strbuf_adds(b, "]}\n");
	}
}
