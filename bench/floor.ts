/**
 * What the checks are compared with: the least any tool could do (a regex pass over a document's string
 * literals with a set lookup) and vscode-json-languageservice parsing and validating the same JSON against a
 * schema whose `model` properties are an enum of every registry name.
 */
import { getLanguageService, type JSONSchema } from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';

/** The floor: every string literal looked up in a set of names. Returns how many were names. */
export function regexFloor(text: string, names: ReadonlySet<string>): number {
  const literal = /"((?:[^"\\\n]|\\.)*)"/g;
  let hits = 0;
  for (let m = literal.exec(text); m; m = literal.exec(text)) if (names.has(m[1])) hits++;
  return hits;
}

/** A schema that checks every `model` property, at any depth, against the registry's names. */
function modelSchema(names: readonly string[]): JSONSchema {
  return {
    type: ['object', 'array', 'string', 'number', 'boolean', 'null'],
    properties: { model: { enum: [...names] } },
    additionalProperties: { $ref: '#' },
    items: { $ref: '#' },
  };
}

/** A JSON language service set up with that schema; `validate(text)` parses and validates, returning the number of problems. */
export function jsonLanguageService(names: readonly string[]): { validate: (text: string) => Promise<number> } {
  const service = getLanguageService({});
  const schema = modelSchema(names);
  let version = 0;
  return {
    async validate(text: string): Promise<number> {
      const doc = TextDocument.create('file:///bench.json', 'json', ++version, text);
      const parsed = service.parseJSONDocument(doc);
      return (await service.doValidation(doc, parsed, { schemaValidation: 'error' }, schema)).length;
    },
  };
}
