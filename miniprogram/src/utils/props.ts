/**
 * `true` or nothing, for boolean props of Taro components such as `disabled` and `loading`.
 * Taro H5 renders `disabled={false}` as the attribute disabled="false", which its own CSS
 * (`taro-button-core[disabled]`) treats as disabled: white text on a white button. So pass the prop
 * only when it is true.
 */
export function onlyIf(condition: boolean): true | undefined {
  return condition || undefined;
}
