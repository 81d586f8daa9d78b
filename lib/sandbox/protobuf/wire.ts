// The protobuf wire format, just enough to read messages: varints, length-delimited fields
// and fixed-width values (which Kubernetes types do not use, but must be skipped).

export interface WireField {
  number: number;
  wireType: number;
  /** Varint payload (wire type 0). */
  varint?: bigint;
  /** Length-delimited payload (wire type 2). */
  bytes?: Uint8Array;
}

export class WireReader {
  private offset = 0;

  constructor(private readonly buffer: Uint8Array) {}

  get done(): boolean {
    return this.offset >= this.buffer.length;
  }

  private varint(): bigint {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (this.offset >= this.buffer.length) throw new Error("truncated varint");
      const byte = this.buffer[this.offset++];
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7n;
      if (shift > 70n) throw new Error("varint too long");
    }
  }

  next(): WireField {
    const key = Number(this.varint());
    const field: WireField = { number: key >>> 3, wireType: key & 7 };
    switch (field.wireType) {
      case 0:
        field.varint = this.varint();
        break;
      case 1:
        this.offset += 8;
        break;
      case 2: {
        const length = Number(this.varint());
        if (this.offset + length > this.buffer.length) throw new Error("truncated field");
        field.bytes = this.buffer.subarray(this.offset, this.offset + length);
        this.offset += length;
        break;
      }
      case 5:
        this.offset += 4;
        break;
      default:
        throw new Error(`unsupported wire type ${field.wireType}`);
    }
    return field;
  }
}
