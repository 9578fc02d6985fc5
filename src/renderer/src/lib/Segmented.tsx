import { useId } from 'react'

interface SegmentedProps<V extends string | number> {
  /** Names the group for assistive technology ("Period"); not shown. */
  readonly legend: string
  readonly options: readonly { readonly value: V; readonly label: string }[]
  readonly value: V
  readonly onChange: (value: V) => void
  /** On the group (with `data-value`); each option gets `<testId>-<value>`. */
  readonly testId: string
}

/** A row of mutually exclusive choices (a window of days): radio buttons drawn as one segmented control. */
export function Segmented<V extends string | number>({ legend, options, value, onChange, testId }: SegmentedProps<V>) {
  const id = useId()
  return (
    <fieldset className="segmented" data-testid={testId} data-value={value}>
      <legend className="visually-hidden">{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className={option.value === value ? 'segment segment--on' : 'segment'}>
          <input
            type="radio"
            name={`${id}-choice`}
            value={option.value}
            checked={option.value === value}
            onChange={() => onChange(option.value)}
            className="visually-hidden"
            data-testid={`${testId}-${option.value}`}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  )
}
