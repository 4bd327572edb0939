/**
 * Discord's `50035 Invalid Form Body` error tree and the checks the fake's validators share. discord.js flattens the
 * tree into lines such as `components[0].components[1].custom_id[COMPONENT_CUSTOM_ID_DUPLICATED]: ...`, so paths and
 * codes here follow what the API sends.
 */

/** A JSON object as sent or received. */
export type Json = Record<string, unknown>;

/** Discord's nested form-error tree: `{ field: { 0: { sub: { _errors: [{ code, message }] } } } }`. */
export type FormErrors = Json;

/** A path into a request body: object keys and array indices. */
export type FormPath = readonly (string | number)[];

/** Narrows to a plain JSON object. */
export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Collects form errors at their paths, as Discord reports them. */
export class ErrorTree {
  readonly root: FormErrors = {};
  count = 0;

  /** Adds one error at `path` (never empty: Discord names the field). */
  add(path: FormPath, code: string, message: string): void {
    let node = this.root;
    for (const key of path) {
      const next = node[String(key)];
      const child: Json = isRecord(next) ? next : {};
      node[String(key)] = child;
      node = child;
    }
    const list = Array.isArray(node._errors) ? (node._errors as unknown[]) : [];
    list.push({ code, message });
    node._errors = list;
    this.count++;
  }

  /** A required field that is missing. */
  required(path: FormPath): void {
    this.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
  }

  /** An upper bound on a string's or list's length; returns the string's length (0 for non-strings). */
  maxLength(value: unknown, max: number, path: FormPath): number {
    if (typeof value !== 'string' && !Array.isArray(value)) return 0;
    if (value.length > max) this.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
    return typeof value === 'string' ? value.length : 0;
  }

  /** A list (or nothing); a list longer than `max` is reported. Returns the list, or `[]`. */
  maxItems(value: unknown, max: number, path: FormPath): unknown[] {
    if (!Array.isArray(value)) return [];
    this.maxLength(value, max, path);
    return value;
  }

  /** A string or list that must be present with a length in `[min, max]`; returns whether it was. */
  lengthBetween(value: unknown, min: number, max: number, path: FormPath): boolean {
    if (typeof value !== 'string' && !Array.isArray(value)) {
      this.required(path);
      return false;
    }
    if (value.length >= min && value.length <= max) return true;
    this.add(path, 'BASE_TYPE_BAD_LENGTH', `Must be between ${min} and ${max} in length.`);
    return false;
  }

  /** An integer in `[min, max]` when present. */
  intBetween(value: unknown, min: number, max: number, path: FormPath): void {
    if (value === undefined) return;
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.add(path, 'NUMBER_TYPE_COERCE', `Value "${String(value)}" is not int.`);
    } else if (value < min) {
      this.add(path, 'NUMBER_TYPE_MIN', `int value should be greater than or equal to ${min}.`);
    } else if (value > max) {
      this.add(path, 'NUMBER_TYPE_MAX', `int value should be less than or equal to ${max}.`);
    }
  }

  /** The tree when anything was reported, else undefined. */
  result(): FormErrors | undefined {
    return this.count > 0 ? this.root : undefined;
  }
}

/** The JSON body of Discord's 50035 reply. */
export function invalidFormBody(errors: FormErrors): Json {
  return { code: 50035, message: 'Invalid Form Body', errors };
}
