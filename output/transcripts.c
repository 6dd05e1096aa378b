/* transcripts.c -- render transcripts.jsonl lines (transcripts.h).
 *
 * The text is redacted whole, never in pieces: a piece could split an
 * identifier so that no pattern finds either half (the rule of
 * examples.c). The tags' spans, byte offsets into the original text, are
 * then placed on the redacted text by finding the span's own text there,
 * which never shows anything the redacted text does not.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "examples.h"
#include "fmt.h"
#include "redact.h"
#include "tags.h"
#include "transcripts.h"
#include "utterances.h"

/* Where needle (n bytes, n > 0) is in hay (len bytes), which is the
 * original text of tlen bytes redacted, for a needle that was at near
 * in the original: at near itself, or shifted by the length redaction
 * added or removed (the usual case: the identifiers are before the
 * span), else the first occurrence from near less that shift, else the
 * first anywhere; -1 when there is none. Each step is one comparison or
 * one memmem() (glibc's two-way search, linear), so a hostile utterance
 * ("aaaa...") costs linear time. */
static long
locate(const char *hay, size_t len, size_t tlen, const char *needle,
    size_t n, size_t near)
{
	size_t shift = len > tlen ? len - tlen : tlen - len;
	size_t shifted = len >= tlen ? near + shift : near >= shift ?
	    near - shift : 0;
	size_t from = near > shift + 64 ? near - shift - 64 : 0;
	const char *p;

	if (n > len)
		return -1;
	if (near <= len - n && memcmp(hay + near, needle, n) == 0)
		return (long)near;
	if (shifted <= len - n && memcmp(hay + shifted, needle, n) == 0)
		return (long)shifted;
	if ((p = memmem(hay + from, len - from, needle, n)) != NULL)
		return (long)(p - hay);
	if ((p = memmem(hay, len, needle, n)) != NULL)
		return (long)(p - hay);
	return -1;
}

/* Place tag span [start, end) of the original text on red (len bytes):
 * *from and *to get the span in red. */
static void
place(const char *text, size_t tlen, size_t start, size_t end,
    const char *red, size_t len, const char *const *names, size_t nnames,
    size_t *from, size_t *to)
{
	char *piece, *rp;
	long at = -1;
	size_t n = 0;

	*from = 0;
	*to = len;
	if (end > tlen)
		end = tlen;
	if (start >= end || (start == 0 && end == tlen))
		return;
	piece = xstrndup(text + start, end - start);
	at = locate(red, len, tlen, piece, end - start, start);
	if (at >= 0)
		n = end - start;
	else {
		/* The span's words were redacted: redacted on its own, it
		 * reads as it does in the whole (a name is a name). */
		rp = redact_text(piece, names, nnames);
		n = strlen(rp);
		if (n > 0)
			at = locate(red, len, tlen, rp, n, start);
		free(rp);
	}
	free(piece);
	if (at >= 0) {
		*from = (size_t)at;
		*to = (size_t)at + n;
	}
}

void
transcripts_render(strbuf *b, const session *s, const struct analyze_result *r)
{
	const struct tags_entry *vocab;
	const char **names = xcalloc(EXAMPLES_NIDENTIFIERS(s), sizeof(*names));
	size_t nvocab, nnames = examples_identifiers(s, names);

	vocab = tags_all(&nvocab);
	for (size_t i = 0; i < s->nutts; i++) {
		const struct session_utt *u = &s->utts[i];
		const struct analyze_utt *au = &r->utts[i];
		char *text = NULL, *red = NULL;
		size_t len = 0;

		utterances_head(b, s, i);
		strbuf_adds(b, ",\"text\":");
		if (u->len <= EXAMPLES_MAX_SOURCE) {
			text = xstrndup(u->text, u->len);
			red = redact_text(text, names, nnames);
			len = strlen(red);
		}
		fmt_json_str(b, red);
		strbuf_adds(b, ",\"marks\":[");
		for (size_t k = 0; red != NULL && k < au->ntags; k++) {
			const struct analyze_tag *t = &au->tags[k];
			size_t from, to;

			place(text, u->len, t->start, t->end, red, len, names,
			    nnames, &from, &to);
			strbuf_adds(b, k ? ",{\"tag\":" : "{\"tag\":");
			fmt_json_str(b, vocab[t->tag].name);
			strbuf_addf(b, ",\"start\":%zu,\"end\":%zu}", from, to);
		}
		strbuf_adds(b, "]}\n");
		free(text);
		free(red);
	}
	free(names);
}
