/**
 * Labelled form controls of the settings page. Each wires its label, hint, error and the
 * administrator-lock note to the control (aria-describedby, aria-invalid) so a screen reader
 * reads the message with the field. Renderer components.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface FieldProps {
  /** Dotted settings path; also the DOM id base. */
  readonly path: string;
  readonly label: string;
  readonly hint?: string;
  readonly error?: string | null;
  readonly locked?: boolean;
}

function describedBy(props: FieldProps): string | undefined {
  const ids = [
    props.hint && `${props.path}-hint`,
    props.locked && `${props.path}-locked`,
    props.error && `${props.path}-error`,
  ].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function FieldNotes(props: FieldProps) {
  const { t } = useTranslation();
  return (
    <>
      {props.hint && (
        <p id={`${props.path}-hint`} className="field-hint">
          {props.hint}
        </p>
      )}
      {props.locked && (
        <p id={`${props.path}-locked`} className="field-locked">
          {t('settings.locked')}
        </p>
      )}
      {props.error && (
        <p id={`${props.path}-error`} className="field-error">
          {props.error}
        </p>
      )}
    </>
  );
}

export function TextField(
  props: FieldProps & {
    value: string;
    onChange: (value: string) => void;
    type?: 'text' | 'password' | 'url';
    placeholder?: string;
    autoComplete?: string;
    inputMode?: 'numeric' | 'url' | 'text';
  },
) {
  return (
    <div className="field">
      <label htmlFor={props.path} className="field-label">
        {props.label}
      </label>
      <input
        id={props.path}
        name={props.path}
        className="input"
        type={props.type ?? 'text'}
        value={props.value}
        placeholder={props.placeholder}
        autoComplete={props.autoComplete ?? 'off'}
        inputMode={props.inputMode}
        spellCheck={false}
        readOnly={props.locked}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(props)}
        onChange={(event) => props.onChange(event.target.value)}
      />
      <FieldNotes {...props} />
    </div>
  );
}

export function CheckboxField(
  props: FieldProps & { checked: boolean; onChange: (checked: boolean) => void },
) {
  return (
    <div className="field field-checkbox">
      <input
        id={props.path}
        name={props.path}
        type="checkbox"
        className="checkbox"
        checked={props.checked}
        disabled={props.locked}
        aria-describedby={describedBy(props)}
        onChange={(event) => props.onChange(event.target.checked)}
      />
      <label htmlFor={props.path} className="field-label">
        {props.label}
      </label>
      <FieldNotes {...props} />
    </div>
  );
}

export function SelectField<V extends string>(
  props: FieldProps & {
    value: V;
    options: readonly { value: V; label: string }[];
    onChange: (value: V) => void;
  },
) {
  return (
    <div className="field">
      <label htmlFor={props.path} className="field-label">
        {props.label}
      </label>
      <select
        id={props.path}
        name={props.path}
        className="input"
        value={props.value}
        disabled={props.locked}
        aria-describedby={describedBy(props)}
        onChange={(event) => {
          const chosen = props.options.find((option) => option.value === event.target.value);
          if (chosen) props.onChange(chosen.value);
        }}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldNotes {...props} />
    </div>
  );
}

export function FormSection(props: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="form-section" aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`} className="section-heading">
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}
