// wink-nlp with its English "lite" model: sentiment and entities offline, from npm, in ~70 ms.
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";

let nlp: ReturnType<typeof winkNLP> | null = null;

export function englishNlp(): ReturnType<typeof winkNLP> {
  nlp ??= winkNLP(model);
  return nlp;
}
