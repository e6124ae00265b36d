/**
 * The shell every action form of a ticket shares: a bottom sheet that cannot be closed while
 * sending, the form's error and its buttons; `useSend` for the call; the text field with its count.
 * Every body carries the version the page shows; a stale one goes back to the page (`onStale`),
 * which reloads the ticket.
 */
import { Button, Text, View } from '@tarojs/components';
import { TICKET_LIMITS, type TicketView } from '@jinri/shared';
import { useState, type PropsWithChildren, type ReactNode } from 'react';

import { toApiError, type ApiError } from '@/api/request';
import { BottomSheet } from '@/components/BottomSheet';
import { TextField } from '@/components/TextField';
import { onlyIf } from '@/utils/props';

/** The forms' text boxes are the kit's, in a fixed layer. */
export { TextField };

/** A reason or a note in a sheet (up to TICKET_LIMITS.reasonMax characters), locked while sending. */
export function ReasonField({
  label,
  value,
  placeholder,
  busy,
  testId,
  onChange,
}: {
  label: string;
  value: string;
  placeholder?: string;
  busy: boolean;
  testId: string;
  onChange: (value: string) => void;
}) {
  return (
    <TextField
      fixed
      label={label}
      value={value}
      max={TICKET_LIMITS.reasonMax}
      placeholder={placeholder}
      disabled={busy}
      testId={testId}
      onChange={onChange}
    />
  );
}

/** Answers that mean "the ticket moved on since you loaded it": reload instead of retrying. */
export function isStale(error: ApiError): boolean {
  return error.hasCode('TICKET.VERSION_CONFLICT') || error.hasCode('TICKET.INVALID_TRANSITION');
}

export interface ActionFormProps {
  ticket: TicketView;
  /** Saved: the page shows `updated` and says `toast`. */
  onDone: (updated: TicketView, toast: string) => void;
  onStale: (error: ApiError) => void;
  onClose: () => void;
}

/** Sending state of one form: busy, the error to show in it, and `run` for the call. */
export function useSend(onDone: ActionFormProps['onDone'], onStale: ActionFormProps['onStale']) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (call: () => Promise<TicketView>, toast: string, afterSuccess?: () => void) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const updated = await call();
      afterSuccess?.();
      setBusy(false);
      onDone(updated, toast);
    } catch (err) {
      setBusy(false);
      const apiError = toApiError(err);
      if (isStale(apiError)) onStale(apiError);
      else setError(apiError.message);
    }
  };
  return { busy, error, setError, run };
}

interface FormSheetProps {
  title: string;
  testId: string;
  busy: boolean;
  error: string | null;
  onClose: () => void;
  /** The buttons under the form (SubmitRow or DecisionRow). */
  actions: ReactNode;
}

/** One action form in a bottom sheet: its fields, then what went wrong, then its buttons. */
export function FormSheet({
  title,
  testId,
  busy,
  error,
  onClose,
  actions,
  children,
}: PropsWithChildren<FormSheetProps>) {
  return (
    <BottomSheet title={title} testId={testId} onClose={busy ? () => undefined : onClose}>
      {children}
      <FormError text={error} />
      {actions}
    </BottomSheet>
  );
}

export function FormError({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <View className="st-banner st-banner--danger" role="alert" data-testid="action-error">
      <Text className="st-banner__text">{text}</Text>
    </View>
  );
}

/** 取消 and the form's submit button. */
export function SubmitRow({
  busy,
  label,
  testId,
  onCancel,
  onSubmit,
  danger = false,
}: {
  busy: boolean;
  label: string;
  testId: string;
  onCancel: () => void;
  onSubmit: () => void;
  danger?: boolean;
}) {
  return (
    <View className="st-actions-row">
      <Button className="btn btn-secondary" disabled={onlyIf(busy)} onClick={onCancel}>
        取消
      </Button>
      <Button
        className={`btn ${danger ? 'btn-danger' : 'btn-primary'} ${busy ? 'btn-disabled' : ''}`}
        disabled={onlyIf(busy)}
        data-testid={testId}
        onClick={onSubmit}
      >
        {busy ? '正在提交…' : label}
      </Button>
    </View>
  );
}

interface Decision {
  label: string;
  testId: string;
  onClick: () => void;
}

/** A decision: the refusing button (red) and, when offered, the approving one. */
export function DecisionRow({
  busy,
  reject,
  approve,
}: {
  busy: boolean;
  reject: Decision;
  approve?: Decision;
}) {
  return (
    <View className="st-actions-row">
      <Button
        className={`btn btn-danger ${busy ? 'btn-disabled' : ''}`}
        disabled={onlyIf(busy)}
        data-testid={reject.testId}
        onClick={reject.onClick}
      >
        {reject.label}
      </Button>
      {approve ? (
        <Button
          className={`btn btn-primary ${busy ? 'btn-disabled' : ''}`}
          disabled={onlyIf(busy)}
          data-testid={approve.testId}
          onClick={approve.onClick}
        >
          {busy ? '正在提交…' : approve.label}
        </Button>
      ) : null}
    </View>
  );
}
