import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import { formAction, type FormActionSpec, type FormFields } from "./form-action";
import type { FormState } from "./form-state";

export type FileFormActionSpec<R> = Omit<FormActionSpec<R>, "run"> & {
  /** The form's file input. */
  fileField: string;
  /** Calls the service with the string fields and the uploaded file (empty when none was chosen). */
  run: (actor: CurrentUser | null, fields: FormFields, file: File) => Promise<R>;
};

/**
 * formAction for a form with a file: the same session, translation, echo and revalidation
 * (it is formAction underneath), with the File read from the form data here, since the
 * string fields are all formAction passes on. A missing file is an empty one, which the
 * upload check refuses as "empty".
 */
export function fileFormAction<R>({ fileField, run, ...rest }: FileFormActionSpec<R>) {
  return async function action(previous: FormState, formData: FormData): Promise<FormState> {
    const value = formData.get(fileField);
    const file = value instanceof File ? value : new File([], "");
    return formAction<R>({ ...rest, run: (actor, fields) => run(actor, fields, file) })(previous, formData);
  };
}
