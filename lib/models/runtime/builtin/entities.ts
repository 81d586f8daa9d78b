import { hgJsonList } from "../codecs";
import type { ModelSpec } from "../model-spec";
import { textsOf } from "./text-inputs";
import { englishNlp } from "./wink";

interface Entity {
  entity_group: string;
  word: string;
  start: number;
  end: number;
  score: number;
}

/** Entities with character offsets, as a token-classification pipeline with aggregation answers. */
function entitiesOf(text: string): Entity[] {
  const nlp = englishNlp();
  const doc = nlp.readDoc(text);
  // Character offset of each token: wink gives the spaces before a token and its text.
  const spaces = doc.tokens().out(nlp.its.precedingSpaces) as string[];
  const tokens = doc.tokens().out() as string[];
  const starts: number[] = [];
  let at = 0;
  tokens.forEach((token, i) => {
    at += spaces[i].length;
    starts.push(at);
    at += token.length;
  });
  const details = doc.entities().out(nlp.its.detail) as unknown as { value: string; type: string }[];
  const spans = doc.entities().out(nlp.its.span) as unknown as [number, number][];
  return details.map((d, i) => {
    const [first, last] = spans[i];
    const start = starts[first];
    const end = starts[last] + tokens[last].length;
    return { entity_group: d.type, word: text.slice(start, end), start, end, score: 1 };
  });
}

export const entitiesModel: ModelSpec = {
  name: "entities-en",
  description:
    "Entities in English text (dates, times, money, percentages, numbers, e-mail addresses, URLs, hashtags, mentions, emoji) with character offsets, from wink-nlp; runs offline.",
  license: "MIT",
  packages: ["wink-nlp@2.4.0", "wink-eng-lite-web-model@1.8.1"],
  task: "token-classification",
  platform: "facet-builtin/wink-nlp",
  inputs: [{ name: "args", datatype: "BYTES", shape: [-1], parameters: { content_type: "str" } }],
  outputs: [{ name: "output", datatype: "BYTES", shape: [-1, 1], parameters: { content_type: "hg_jsonlist" } }],
  async load() {
    return {
      predict(inputs) {
        const texts = textsOf(inputs);
        // One text: one element per entity (as MLServer encodes a pipeline's list); several: a list each.
        const items = texts.length === 1 ? entitiesOf(texts[0]) : texts.map(entitiesOf);
        return [hgJsonList("output", items)];
      },
    };
  },
};
