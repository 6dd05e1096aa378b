/* manifest.c -- manifest.json text (manifest.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "fmt.h"
#include "manifest.h"

/* Every file a run writes, in the order the manifest lists them. */
static const char *const outputs[] = { "utterances.jsonl", "sessions.csv",
	"sessions.jsonl", "examples.jsonl", "clinicians.csv", "cohorts.csv",
	"agreement.csv", "corpus.json", "rapport.sqlite", "rejects.csv",
	"manifest.json" };

static void
json_key(strbuf *b, const char *indent, const char *key)
{
	strbuf_adds(b, indent);
	fmt_json_str(b, key);
	strbuf_adds(b, ": ");
}

void
manifest_begin(strbuf *b, const struct manifest_head *h)
{
	strbuf_adds(b, "{\n");
	json_key(b, "  ", "rapport_version");
	fmt_json_str(b, PACKAGE_VERSION);
	strbuf_adds(b, ",\n");
	json_key(b, "  ", "transcript_format");
	strbuf_adds(b, "1,\n");
	json_key(b, "  ", "rules");
	strbuf_adds(b, "{\"sha256\": ");
	fmt_json_str(b, h->rules_sha256);
	strbuf_addf(b, ", \"rules\": %zu, \"extra_dir\": ", h->nrules);
	fmt_json_str(b, h->rules_dir);
	strbuf_addf(b, ", \"replace\": %s},\n",
	    h->replace_rules ? "true" : "false");
	json_key(b, "  ", "options");
	strbuf_addf(b, "{\"strict\": %s},\n", h->strict ? "true" : "false");
	json_key(b, "  ", "inputs");
	strbuf_addc(b, '[');
}

void
manifest_input_begin(strbuf *b, size_t nth, const char *path,
    const char *sha256, unsigned long long bytes, size_t rejects)
{
	strbuf_adds(b, nth ? ",\n    {\"path\":" : "\n    {\"path\":");
	fmt_json_str(b, path);
	strbuf_adds(b, ",\"sha256\":");
	fmt_json_str(b, sha256);
	strbuf_addf(b, ",\"bytes\":%llu,\"rejects\":%zu,\"sessions\":[",
	    bytes, rejects);
}

void
manifest_input_end(strbuf *b)
{
	strbuf_adds(b, "]}");
}

void
manifest_input(strbuf *b, size_t nth, const char *path, const char *sha256,
    unsigned long long bytes, size_t rejects, const char *ids)
{
	manifest_input_begin(b, nth, path, sha256, bytes, rejects);
	strbuf_adds(b, ids != NULL ? ids : "");
	manifest_input_end(b);
}

static void
iso_time(char *buf, size_t n, time_t t)
{
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(buf, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void
manifest_end(strbuf *b, size_t ninputs, const struct manifest_tail *t)
{
	char t0[32], t1[32];

	strbuf_adds(b, ninputs ? "\n  ],\n" : "],\n");
	json_key(b, "  ", "counts");
	strbuf_addf(b, "{\"inputs\": %zu, \"rejected_inputs\": %zu, "
	    "\"sessions\": %zu, \"utterances\": %zu, \"tags\": %zu, "
	    "\"rejects\": %zu, \"warnings\": %zu, "
	    "\"match_limit_hits\": %lu},\n", t->inputs,
	    t->rejected_inputs, t->sessions, t->utterances, t->tags,
	    t->rejects, t->warnings, t->match_limit_hits);
	json_key(b, "  ", "outputs");
	strbuf_addc(b, '[');
	for (size_t i = 0; i < sizeof(outputs) / sizeof(outputs[0]); i++) {
		strbuf_adds(b, i ? ", " : "");
		fmt_json_str(b, outputs[i]);
		/* The opt-in file of redacted utterance text, after the other
		 * JSONL files. */
		if (t->transcripts && strcmp(outputs[i], "examples.jsonl") == 0)
			strbuf_adds(b, ", \"transcripts.jsonl\"");
	}
	if (t->shard_n > 0)
		strbuf_adds(b, ", \"shard.events\"");
	strbuf_adds(b, "],\n");
	json_key(b, "  ", "reports");
	strbuf_adds(b, t->reports ? "true,\n" : "false,\n");
	json_key(b, "  ", "session_pages");
	strbuf_adds(b, t->transcripts ? "true,\n" : "false,\n");
	/* What differs between a single run and the same corpus run in
	 * shards and merged: only these lines and the runtime. */
	if (t->shard_n > 0) {
		json_key(b, "  ", "shard");
		strbuf_addf(b, "{\"index\": %d, \"count\": %d, \"inputs\": %zu, "
		    "\"inputs_sha256\": ", t->shard_k, t->shard_n,
		    t->shard_inputs);
		fmt_json_str(b, t->shard_inputs_sha256);
		strbuf_adds(b, "},\n");
	}
	if (t->merged > 0) {
		json_key(b, "  ", "merged");
		strbuf_addf(b, "{\"shards\": %d},\n", t->merged);
	}
	/* Everything below varies from run to run. */
	iso_time(t0, sizeof(t0), t->started);
	iso_time(t1, sizeof(t1), t->finished);
	json_key(b, "  ", "runtime");
	strbuf_addf(b, "{\"jobs\": %d, \"output\": ", t->jobs);
	fmt_json_str(b, t->outdir);
	strbuf_addf(b, ", \"started\": \"%s\", \"finished\": \"%s\", "
	    "\"wall_seconds\": %.3f, \"bytes\": %llu}\n}\n", t0, t1,
	    t->seconds, t->bytes);
}
