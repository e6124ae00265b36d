/** The action forms of a ticket, one file each, on one shell (FormShell.tsx). */
export { AssignForm } from './AssignForm';
export { DecideExtensionForm } from './DecideExtensionForm';
export { ExtensionForm } from './ExtensionForm';
export { isStale, type ActionFormProps } from './FormShell';
export { ModerateForm } from './ModerateForm';
export { RateForm } from './RateForm';
export { ReplyForm } from './ReplyForm';
export { ReportedNote, ReportForm, reportTargets } from './ReportForm';
export { isHeldByReports, ReportReviewForm } from './ReportReviewForm';
export { ResolveForm } from './ResolveForm';
export { TransferForm } from './TransferForm';
