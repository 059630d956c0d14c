import type { ComponentChildren } from 'preact'
import { renderToString } from 'preact-render-to-string'
import { DOCS_PAGE_STYLES } from './docs-page-styles'
import type { OpenApiDocument, OpenApiOperation } from './document'
import type { JsonSchema } from './json-schema'
import { constraintsOf, type FieldRow, fieldRows, typeName } from './schema-fields'

/** GET /docs/api: the document as one page to read, rendered on the server, no script. */
export function renderDocsPage(document: OpenApiDocument): string {
  return `<!doctype html>${renderToString(<DocsPage document={document} />)}`
}

interface Operation extends OpenApiOperation {
  method: string
  path: string
}

function DocsPage({ document }: { document: OpenApiDocument }) {
  const info = document.info as { title: string; version: string; description?: string }
  const tags = (document.tags as Array<{ name: string; description?: string }>) ?? []
  const operations = operationsOf(document)
  const { schemas: components = {}, responses: sharedResponses = {} } = document.components as {
    schemas?: Record<string, JsonSchema>
    responses?: Record<string, ResponseObject>
  }
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${info.title} API ${info.version}`}</title>
        <meta name="description" content={`Every route of the ${info.title} API.`} />
        <link rel="icon" href="data:," />
        {/* Our own stylesheet, allowed by its hash in the page's CSP. */}
        <style dangerouslySetInnerHTML={{ __html: DOCS_PAGE_STYLES }} />
      </head>
      <body>
        <header>
          <h1>{`${info.title} API`}</h1>
          <p class="muted">{`Version ${info.version}, OpenAPI ${String(document.openapi)}.`}</p>
          {info.description && <p>{prose(info.description)}</p>}
          <p>
            Machine-readable: <a href="/v1/openapi.json">the OpenAPI document (JSON)</a>.
          </p>
          <nav aria-label="Groups">
            <ul>
              {tags.map((tag) => (
                <li key={tag.name}>
                  <a href={`#${anchor('tag', tag.name)}`}>{tag.name}</a>
                </li>
              ))}
              <li>
                <a href="#shapes">Shapes</a>
              </li>
            </ul>
          </nav>
        </header>
        <main>
          {tags.map((tag) => (
            <section key={tag.name} aria-labelledby={anchor('tag', tag.name)}>
              <h2 id={anchor('tag', tag.name)}>{tag.name}</h2>
              {tag.description && <p>{prose(tag.description)}</p>}
              {operations
                .filter((operation) => operation.tags.includes(tag.name))
                .map((operation) => (
                  <OperationView
                    key={operation.operationId}
                    operation={operation}
                    shared={sharedResponses}
                  />
                ))}
            </section>
          ))}
          <section aria-labelledby="shapes">
            <h2 id="shapes">Shapes</h2>
            <p>Named shapes the answers above refer to.</p>
            {Object.entries(components).map(([name, schema]) => (
              <article
                key={name}
                id={anchor('schema', name)}
                aria-labelledby={`${anchor('schema', name)}-title`}
              >
                <h3 id={`${anchor('schema', name)}-title`}>{name}</h3>
                <Shape schema={schema} />
              </article>
            ))}
          </section>
        </main>
      </body>
    </html>
  )
}

function OperationView({
  operation,
  shared,
}: {
  operation: Operation
  shared: Record<string, ResponseObject>
}) {
  const parameters = (operation.parameters ?? []) as Array<{
    name: string
    in: string
    required?: boolean
    description?: string
    schema?: JsonSchema
  }>
  const body = (operation.requestBody as { content?: Record<string, { schema: JsonSchema }> })
    ?.content?.['application/json']?.schema
  const titleId = `${operation.operationId}-title`
  return (
    <article id={operation.operationId} aria-labelledby={titleId}>
      <h3 id={titleId}>
        <span class={`method method-${operation.method}`}>{operation.method}</span>
        <code>{operation.path}</code>
      </h3>
      <p>{prose(operation.summary)}</p>
      {operation.description && <p class="muted">{prose(operation.description)}</p>}
      <p class="muted">{`Who: ${whoMayCall(operation)}.`}</p>
      {parameters.length > 0 && (
        <>
          <h4>Parameters</h4>
          <FieldTable
            rows={parameters.map((parameter) => ({
              name: `${parameter.name} (${parameter.in})`,
              type: typeName(parameter.schema ?? {}),
              ref: null,
              required: parameter.required ?? false,
              description: [parameter.description ?? '', constraintsOf(parameter.schema ?? {})]
                .filter(Boolean)
                .join(' '),
            }))}
          />
        </>
      )}
      {body && (
        <>
          <h4>Body (JSON)</h4>
          <Shape schema={body} />
        </>
      )}
      <h4>Answers</h4>
      <ul class="statuses">
        {Object.entries(operation.responses).map(([status, response]) => (
          <ResponseView
            key={status}
            status={status}
            response={response as ResponseObject}
            shared={shared}
          />
        ))}
      </ul>
    </article>
  )
}

interface ResponseObject {
  $ref?: string
  description?: string
  content?: Record<string, { schema?: JsonSchema }>
}

function ResponseView({
  status,
  response,
  shared,
}: {
  status: string
  response: ResponseObject
  shared: Record<string, ResponseObject>
}) {
  if (response.$ref) {
    const error = shared[response.$ref.split('/').pop() ?? '']
    return (
      <li>
        <strong>{status}</strong> {prose(error?.description ?? 'Error.')} The{' '}
        <a href={`#${anchor('schema', 'ApiError')}`}>error shape</a>.
      </li>
    )
  }
  const [contentType, content] = Object.entries(response.content ?? {})[0] ?? []
  const rows = content?.schema ? fieldRows(content.schema) : []
  return (
    <li>
      <strong>{status}</strong> {prose(response.description ?? '')}
      {contentType && contentType !== 'application/json' && (
        <span class="muted"> ({contentType})</span>
      )}
      {rows.length > 0 && <FieldTable rows={rows} />}
    </li>
  )
}

function Shape({ schema }: { schema: JsonSchema }) {
  const rows = fieldRows(schema)
  if (rows.length > 0) return <FieldTable rows={rows} />
  return (
    <p>
      <code>{typeName(schema)}</code>
    </p>
  )
}

function FieldTable({ rows }: { rows: FieldRow[] }) {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Type</th>
          <th scope="col">Meaning</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.name}>
            <td>
              <code>{row.name}</code>
              {row.required ? '' : <span class="muted"> optional</span>}
            </td>
            <td>
              {row.ref ? (
                <a href={`#${anchor('schema', row.ref)}`}>{row.type}</a>
              ) : (
                <code>{row.type}</code>
              )}
            </td>
            <td>{prose(row.description)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ ...operation, method, path })),
  )
}

function whoMayCall(operation: OpenApiOperation): string {
  const alternatives = operation.security ?? []
  if (alternatives.length === 0) return 'anyone'
  const names = alternatives.map((alternative) => Object.keys(alternative)[0] ?? 'no credential')
  return names.map((name) => SCHEME_WORDS[name] ?? name).join(', or ')
}

const SCHEME_WORDS: Record<string, string> = {
  identityToken: 'an identity token',
  bearer: 'an API key or the admin token (Bearer)',
  apiKey: 'a project API key (Bearer rq_…), not the admin token',
  sessionCookie: 'a dashboard session',
  metricsToken: 'the metrics token',
  'no credential': 'anonymous callers',
}

/** The descriptions' Markdown code spans (`like this`) as code; everything else as text. */
function prose(text: string): ComponentChildren {
  return text
    .split(/`([^`]+)`/)
    .map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part))
}

/** An id for a tag or shape: letters, digits and dashes. */
function anchor(kind: string, name: string): string {
  return `${kind}-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`
}
