// Ratings of catalog models through the JSON API: one rating per user and model (a second
// replaces the first), replies, the average kept on the catalog row, audit, and who may do what.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { auditLogs, catalogModels, modelSources } from "@/lib/db/schema";
import { uniqueName } from "@/lib/testing/factories";
import { api, expectOk, person, sysadminToken } from "@/lib/testing/world";

interface Rating {
  id: number;
  user: string;
  rating: number | null;
  comment: string;
  replies: Rating[];
}
interface Ratings {
  items: Rating[];
  average: number | null;
  count: number;
}

const MODEL = "distilbert/distilbert-base-uncased-finetuned-sst-2-english";
let root: string;
let alice: { token: string; username: string };
let bob: { token: string; username: string };
let source: string;
const ratings = (model = MODEL) => `/api/v1/model-sources/${source}/models/${model}/ratings`;

async function row(model = MODEL) {
  const [s] = await getDb().select().from(modelSources).where(eq(modelSources.name, source));
  const [m] = await getDb()
    .select()
    .from(catalogModels)
    .where(and(eq(catalogModels.sourceId, s.id), eq(catalogModels.name, model)));
  return m;
}

beforeAll(async () => {
  root = await sysadminToken();
  alice = await person("alice");
  bob = await person("bob");
  source = uniqueName("rate");
  await expectOk(
    api("POST", "/api/v1/model-sources", { token: root, body: { name: source, kind: "huggingface" } }),
    201,
  );
});

describe("model ratings", () => {
  it("keeps one rating per user, the average on the catalog row, and replies under their rating", async () => {
    const first = await expectOk(
      api<Rating>("POST", ratings(), { token: alice.token, body: { rating: 2, comment: "meh" } }),
      201,
    );
    expect(first).toMatchObject({ user: alice.username, rating: 2, comment: "meh" });
    await expectOk(api("POST", ratings(), { token: bob.token, body: { rating: 5, comment: "great" } }), 201);
    // Alice changes her mind: her rating is replaced, not added.
    const again = await expectOk(
      api<Rating>("POST", ratings(), { token: alice.token, body: { rating: 4, comment: "better now" } }),
      201,
    );
    expect(again.id).toBe(first.id);
    const m = await row();
    expect({ sum: m.ratingSum, count: m.ratingCount, score: m.ratingScore }).toEqual({ sum: 9, count: 2, score: 450 });

    const reply = await expectOk(
      api<Rating>("POST", ratings(), { token: bob.token, body: { parentId: first.id, comment: "agreed" } }),
      201,
    );
    expect(reply.rating).toBeNull();
    expect((await row()).ratingCount).toBe(2);

    const list = await expectOk(api<Ratings>("GET", ratings(), { token: bob.token }));
    expect(list.average).toBe(4.5);
    expect(list.count).toBe(2);
    expect(list.items.map((r) => [r.user, r.rating])).toEqual([
      [bob.username, 5],
      [alice.username, 4],
    ]);
    expect(list.items[1].replies.map((r) => [r.user, r.comment])).toEqual([[bob.username, "agreed"]]);
    // The model's own page and the list show the average too.
    const page = await expectOk(
      api<{ rating: number; ratingCount: number }>("GET", `/api/v1/model-sources/${source}/models/${MODEL}`, {
        token: alice.token,
      }),
    );
    expect([page.rating, page.ratingCount]).toEqual([4.5, 2]);
    const audit = await getDb()
      .select()
      .from(auditLogs)
      .where(eq(auditLogs.target, `model-sources/${source}/models/${MODEL}`));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["models.ratings.rate", "models.ratings.reply"]));
    expect(audit.filter((a) => a.action === "models.ratings.rate").length).toBe(3);
  });

  it("keeps the average right under concurrent raters", async () => {
    const model = "FacebookAI/xlm-roberta-base";
    const people = await Promise.all([1, 2, 3, 4, 5, 6].map(() => person("crowd")));
    await Promise.all(
      people.map((p, i) =>
        expectOk(api("POST", ratings(model), { token: p.token, body: { rating: (i % 5) + 1, comment: "" } }), 201),
      ),
    );
    const m = await row(model);
    expect([m.ratingSum, m.ratingCount, m.ratingScore]).toEqual([16, 6, 267]);
  });

  it("refuses bad ratings with 422 naming the field", async () => {
    const [{ id: other }] = (await expectOk(api<Ratings>("GET", ratings(), { token: bob.token }))).items;
    for (const [body, field] of [
      [{ rating: 0, comment: "" }, "body.rating"],
      [{ rating: 6, comment: "" }, "body.rating"],
      [{ rating: 3.5, comment: "" }, "body.rating"],
      [{ comment: "no stars" }, "body.rating"],
      [{ rating: 3, comment: "x".repeat(2001) }, "body.comment"],
      [{ rating: 3, parentId: other, comment: "a reply with stars" }, "body.rating"],
      [{ parentId: other, comment: "" }, "body.comment"],
      [{ parentId: 999999999, comment: "to nothing" }, "body.parentId"],
      [{ parentId: "1", comment: "hi" }, "body.parentId"],
    ] as const) {
      const res = await api<{ errors: { path: string }[] }>("POST", ratings(), { token: alice.token, body });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.errors.map((e) => e.path)).toContain(field);
    }
    // A reply's parent must be a rating of this very model, not another's or a reply.
    const elsewhere = await expectOk(
      api<Rating>("POST", ratings("FacebookAI/xlm-roberta-base"), {
        token: alice.token,
        body: { rating: 1, comment: "" },
      }),
      201,
    );
    const res = await api<{ errors: { path: string }[] }>("POST", ratings(), {
      token: alice.token,
      body: { parentId: elsewhere.id, comment: "cross-model" },
    });
    expect(res.status).toBe(422);
    const list = await expectOk(api<Ratings>("GET", ratings(), { token: bob.token }));
    const replyId = list.items.flatMap((r) => r.replies)[0].id;
    expect(
      (await api("POST", ratings(), { token: alice.token, body: { parentId: replyId, comment: "nested" } })).status,
    ).toBe(422);
  });

  it("hides unpublished models' ratings from everyone but admins, and 404s what is not there", async () => {
    const model = "openai/whisper-large-v3";
    expect((await row(model)).published).toBe(true);
    await expectOk(
      api("PUT", `/api/v1/model-sources/${source}/models/${model}`, { token: root, body: { published: false } }),
    );
    expect((await api("GET", ratings(model), { token: alice.token })).status).toBe(404);
    expect((await api("POST", ratings(model), { token: alice.token, body: { rating: 3, comment: "" } })).status).toBe(
      404,
    );
    expect((await api("GET", ratings(model), { token: root })).status).toBe(200);
    expect((await api("GET", ratings("no/such-model"), { token: alice.token })).status).toBe(404);
    expect(
      (await api("GET", `/api/v1/model-sources/nope-${source}/models/${MODEL}/ratings`, { token: alice.token })).status,
    ).toBe(404);
    // Without the trailing segment a POST is not a rating: the path names nothing to post to.
    expect(
      (
        await api("POST", `/api/v1/model-sources/${source}/models/${MODEL}`, {
          token: alice.token,
          body: { rating: 3 },
        })
      ).status,
    ).toBe(404);
    expect((await api("GET", ratings(), { token: "not-a-token" })).status).toBe(401);
  });
});
