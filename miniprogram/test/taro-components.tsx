/**
 * A thin stand-in for `@tarojs/components` in jsdom tests (mapped in test/jest.config.js): each
 * component renders one plain element, `data-taro` naming the Taro component. Passed through:
 * className, style, id, role, title, data-* and aria-*, children, disabled, placeholder, value,
 * src, maxlength (as maxLength). Events: onClick; Input and Textarea call onInput/onConfirm/
 * onBlur/onFocus with Taro's `{ detail: { value } }`; Picker calls onChange with `{ detail:
 * { value } }` when its element fires a change event. Taro-only props (hoverClass, catchMove,
 * mode…) are dropped.
 */
import { createElement, forwardRef, type ReactNode } from 'react';

type Props = Record<string, unknown> & { children?: ReactNode };
type DetailHandler = (event: { detail: { value: string } }) => void;

const PASSED = new Set([
  'className',
  'style',
  'id',
  'role',
  'title',
  'disabled',
  'placeholder',
  'value',
  'src',
]);

function domProps(props: Props): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(props)) {
    if (PASSED.has(name) || name.startsWith('data-') || name.startsWith('aria-')) out[name] = value;
  }
  // H5: `nativeProps` land on the real <input> inside Taro's wrapper (its aria-* among them).
  if (props.nativeProps && typeof props.nativeProps === 'object') {
    for (const [name, value] of Object.entries(props.nativeProps as Record<string, unknown>)) {
      if (name.startsWith('aria-')) out[name] = value;
    }
  }
  if (props.maxlength !== undefined) out.maxLength = props.maxlength;
  if (typeof props.onClick === 'function') out.onClick = props.onClick;
  return out;
}

const withDetail =
  (handler: unknown) =>
  (event: { target: EventTarget | null }): void => {
    if (typeof handler === 'function') {
      (handler as DetailHandler)({
        detail: { value: (event.target as HTMLInputElement | null)?.value ?? '' },
      });
    }
  };

function make(name: string, tag: string, events: (props: Props) => Record<string, unknown> = () => ({})) {
  const component = forwardRef<HTMLElement, Props>(function TaroComponent(props, ref) {
    return createElement(
      tag,
      { ref, 'data-taro': name, ...domProps(props), ...events(props) },
      props.children as ReactNode,
    );
  });
  component.displayName = name;
  return component;
}

const field = (props: Props) => ({
  onChange: withDetail(props.onInput),
  onBlur: withDetail(props.onBlur),
  onFocus: withDetail(props.onFocus),
  onKeyDown: (event: { key: string; target: EventTarget | null }) => {
    if (event.key === 'Enter') withDetail(props.onConfirm)(event);
  },
});

export const View = make('View', 'div');
export const Text = make('Text', 'span');
export const Button = make('Button', 'button');
export const Image = make('Image', 'img');
export const ScrollView = make('ScrollView', 'div');
export const Input = make('Input', 'input', field);
export const Textarea = make('Textarea', 'textarea', field);
export const Picker = make('Picker', 'div', (props) => ({ onChange: withDetail(props.onChange) }));
export const PageMeta = make('PageMeta', 'div');
export const NavigationBar = make('NavigationBar', 'div');
