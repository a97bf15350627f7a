/**
 * @orbit360/ui — the shared design system of the admin panel and the merchant dashboard.
 * Import the styles once from the app's entry CSS: `@import '@orbit360/ui/styles.css';`.
 */
export { cn } from './cn.js';
export {
  Button,
  buttonClasses,
  type ButtonProps,
  type ButtonVariant,
  type ButtonSize,
} from './components/button.js';
export { Spinner, type SpinnerProps } from './components/spinner.js';
export {
  Input,
  Textarea,
  controlClasses,
  type InputProps,
  type TextareaProps,
} from './components/input.js';
export { Select, type SelectProps, type SelectOption } from './components/select.js';
export { Label } from './components/label.js';
export { Field, type FieldProps } from './components/field.js';
export { Checkbox } from './components/checkbox.js';
export { Switch } from './components/switch.js';
export {
  Card,
  CardHeader,
  CardContent,
  CardFooter,
  StatCard,
  type CardHeaderProps,
} from './components/card.js';
export { Badge, type BadgeProps, type BadgeTone } from './components/badge.js';
export {
  Dialog,
  DialogTrigger,
  DialogClose,
  DialogContent,
  ConfirmDialog,
  type DialogContentProps,
  type ConfirmDialogProps,
} from './components/dialog.js';
export {
  Tabs,
  TabsList,
  TabsTrigger,
  TabsContent,
  type TabsTriggerProps,
} from './components/tabs.js';
export { Progress, type ProgressProps } from './components/progress.js';
export { UsageMeter, type UsageMeterProps } from './components/usage-meter.js';
export { Table, THead, TBody, TR, TH, TD } from './components/table.js';
export {
  EmptyState,
  ErrorState,
  LoadingState,
  Skeleton,
  errorMessage,
  type EmptyStateProps,
  type ErrorStateProps,
} from './components/states.js';
export { Alert, type AlertProps, type AlertTone } from './components/alert.js';
export { ToastProvider, useToast, type ToastInput } from './components/toast.js';
export { PageHeader, type PageHeaderProps } from './components/page-header.js';
export {
  AppShell,
  SidebarSection,
  SidebarLink,
  sidebarLinkClasses,
  type AppShellProps,
  type SidebarLinkProps,
} from './components/app-shell.js';
export {
  StepIndicator,
  type StepIndicatorProps,
  type StepItem,
  type StepStatus,
} from './components/step-indicator.js';
export {
  Pagination,
  SearchInput,
  Tooltip,
  DescriptionList,
  CopyButton,
  Avatar,
  type PaginationProps,
  type SearchInputProps,
} from './components/misc.js';
export {
  DropdownMenu,
  DropdownMenuTrigger,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
} from './components/dropdown-menu.js';
export {
  ApiError,
  isApiError,
  createApiClient,
  tokenExpiry,
  type ApiClient,
  type ApiClientOptions,
  type FieldErrors,
  type RequestOptions,
} from './api.js';
export { loadRuntimeConfig, type RuntimeConfig } from './runtime-config.js';
export { useDocumentTitle } from './document-title.js';
export {
  queryKeys,
  type MerchantListParams,
  type EmailLogParams,
  type AuditParams,
  type ProductListParams,
} from './query-keys.js';
