-- The search version (ADR 004) also moves when something a search result shows changes outside
-- "InitiativeSearch": vocabulary labels, order and new values (facet lists, card tags), and
-- territory names (cards, territory facet). Whole results are cached by that version, so these
-- edits must be seen at the next request too. Statement triggers: one bump per statement.
CREATE TRIGGER approach_search_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Approach"
  FOR EACH STATEMENT EXECUTE FUNCTION reperes_search_version_bump();
CREATE TRIGGER theme_search_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Theme"
  FOR EACH STATEMENT EXECUTE FUNCTION reperes_search_version_bump();
CREATE TRIGGER criterion_search_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "DiscriminationCriterion"
  FOR EACH STATEMENT EXECUTE FUNCTION reperes_search_version_bump();
CREATE TRIGGER domain_search_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Domain"
  FOR EACH STATEMENT EXECUTE FUNCTION reperes_search_version_bump();
CREATE TRIGGER public_search_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Public"
  FOR EACH STATEMENT EXECUTE FUNCTION reperes_search_version_bump();
CREATE TRIGGER territory_search_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Territory"
  FOR EACH STATEMENT EXECUTE FUNCTION reperes_search_version_bump();
