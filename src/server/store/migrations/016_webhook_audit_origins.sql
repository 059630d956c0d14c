-- v3 round three: a webhook URL is often a bearer secret (Slack, Zapier), and every role reads
-- the audit log. Its entries name the endpoint by origin only from now on; this cuts the ones
-- written before down to the same (scheme://host[:port]; saved URLs never carry a user).
UPDATE audit_log
   SET target = substring(target FROM '^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*')
 WHERE action LIKE 'webhook.%'
   AND target ~ '^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*[/?#]';
