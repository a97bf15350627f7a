export { emails, emailStatus } from './email.table.js';
export { emailRoutes } from './email.routes.js';
export {
  enqueueEmails,
  ONE_TIME_TOKEN_PLACEHOLDER,
  SEND_EMAIL_TASK,
  type OutgoingEmail,
} from './enqueue-email.js';
export { createDeliverEmailHandler, UNKNOWN_OUTCOME_REASON } from './deliver-email.js';
export { createMailer, type Mailer } from './mailer.js';
export { listEmails } from './list-emails.js';
export { emailHtml, subjectLine, EMAIL_BUTTON_STYLE } from './email-layout.js';
