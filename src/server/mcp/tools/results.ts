import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js'
import type { RestResult } from '../rest-call'

type RestFailure = Extract<RestResult<unknown>, { ok: false }>

/** A REST refusal as a tool error: the agent sees REST's own code and message. */
export function restErrorResult(failure: RestFailure): CallToolResult {
  return {
    isError: true,
    content: [
      { type: 'text', text: `${failure.code} (HTTP ${failure.status}): ${failure.message}` },
    ],
    structuredContent: {
      error: { code: failure.code, status: failure.status, message: failure.message },
    },
  }
}

/** A tool's answer: the fenced text rendering, and the structured object beside it. */
export function toolResult(text: string, structured: Record<string, unknown>): CallToolResult {
  return { content: [{ type: 'text', text }], structuredContent: structured }
}
