-- Why an entry or an exit ended, as the code the events carry (OrderEnding), beside the sentence for people.
ALTER TABLE order_event ADD COLUMN ending text;
ALTER TABLE exit_attempt ADD COLUMN ending text;
