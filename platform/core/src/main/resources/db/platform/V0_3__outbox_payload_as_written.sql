-- The relay sends the payload exactly as the service wrote it; jsonb decomposed every event on insert (a
-- ballot's closing writes its whole box as events) and reordered the CloudEvent's fields. json keeps the text.
alter table outbox_event alter column payload type json using payload::json;
