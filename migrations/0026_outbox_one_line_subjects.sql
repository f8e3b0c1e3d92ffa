-- Subjects are folded into one line when a mail is composed (MailHeaders.OneLine); a message queued
-- before that with a line break or control character in its subject (a plan title typed over two
-- lines) is folded the same way here, so it is sent rather than set aside as dead.
UPDATE outbox_messages
SET subject = btrim(regexp_replace(subject, '[[:cntrl:][:space:]]+', ' ', 'g'))
WHERE state = 'Pending' AND subject ~ '[[:cntrl:]]';
