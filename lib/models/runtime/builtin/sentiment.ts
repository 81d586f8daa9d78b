import { hgJsonList } from "../codecs";
import type { ModelSpec } from "../model-spec";
import { textsOf } from "./text-inputs";
import { englishNlp } from "./wink";

/**
 * Sentiment as a text-classification pipeline would answer: wink's score in [-1, 1] becomes
 * POSITIVE or NEGATIVE (NEUTRAL at 0) with a confidence of 0.5 + |score| / 2.
 */
export const sentimentModel: ModelSpec = {
  name: "sentiment-en",
  description:
    "English sentiment (positive / negative) of short texts, from wink-nlp's lexicon-based scorer; runs offline in a worker of Facet's built-in runtime.",
  license: "MIT",
  packages: ["wink-nlp@2.4.0", "wink-eng-lite-web-model@1.8.1"],
  task: "text-classification",
  platform: "facet-builtin/wink-nlp",
  inputs: [{ name: "args", datatype: "BYTES", shape: [-1], parameters: { content_type: "str" } }],
  outputs: [{ name: "output", datatype: "BYTES", shape: [-1, 1], parameters: { content_type: "hg_jsonlist" } }],
  async load() {
    const nlp = englishNlp();
    return {
      predict(inputs) {
        const results = textsOf(inputs).map((text) => {
          const score = nlp.readDoc(text).out(nlp.its.sentiment) as number;
          const label = score > 0 ? "POSITIVE" : score < 0 ? "NEGATIVE" : "NEUTRAL";
          return { label, score: Math.round((0.5 + Math.abs(score) / 2) * 1e4) / 1e4 };
        });
        return [hgJsonList("output", results)];
      },
    };
  },
};
