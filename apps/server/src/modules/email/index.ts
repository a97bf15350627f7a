export { emails } from './email.table.js';
export { enqueueEmails, ONE_TIME_TOKEN_PLACEHOLDER, SEND_EMAIL_TASK } from './enqueue-email.js';
export { createDeliverEmailHandler } from './deliver-email.js';
export { createMailer } from './mailer.js';
export { emailHtml, subjectLine, EMAIL_BUTTON_STYLE } from './email-layout.js';
