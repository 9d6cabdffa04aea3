// 001 A (docs/domain.md#campaign-material): whatever the candidate publishes — material, a
// version of the profile (its vision statement), the photo or the CV — comes with two
// declarations, ticked each time: no Union symbols, and no Union staff or resources.

export type Declarations = { declaredNoSymbols: boolean; declaredNoResources: boolean };

/** The one refusal, in the "workspace" catalogue, whichever declaration is missing. */
export const DECLARATION_REQUIRED = "workspace.declarationRequired";

/** The first declaration not ticked (the form field to mark), or null when both are. */
export function missingDeclaration(d: Declarations): keyof Declarations | null {
  if (!d.declaredNoSymbols) return "declaredNoSymbols";
  if (!d.declaredNoResources) return "declaredNoResources";
  return null;
}
