-- Revenue at risk (spec/api.md v3 "Revenue at risk") is worked out when the backlog is read
-- (store/at-risk-revenue.ts): every page first gathers the project's at-risk accounts. They are
-- few, so partial indexes find them without reading every company and person of the project.
CREATE INDEX companies_at_risk ON companies (project_id) WHERE at_risk;
CREATE INDEX people_at_risk ON people (project_id) WHERE at_risk;
