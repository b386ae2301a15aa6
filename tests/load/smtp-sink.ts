import { startSmtpCapture } from '@regionportalen/mail/testing';

// The mail bench's SMTP server, in a process of its own so that parsing mail does not slow the
// bench's own measurements: it says "listening", then how many mails it has received, every 200 ms.

const port = Number(process.env.PORT ?? 2600);
let count = 0;
let last = -1;
await startSmtpCapture(port, () => count++);
console.log(`listening on ${port}`);
setInterval(() => {
	if (count !== last) console.log(`received ${(last = count)}`);
}, 200);
