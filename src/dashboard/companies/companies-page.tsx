import { useEffect, useState } from 'preact/hooks'
import type { CompanyDetailResponse, CompanySort, CompanySummary } from '../../shared/api'
import type { AdminClient } from '../api/admin-client'
import { STATUS_LABELS } from '../backlog/status-labels'
import { formatMoney } from '../format/money'
import { AtRiskBadge, MrrSourceLine } from '../revenue/account-mrr-facts'
import { CompanyMrrHistory } from '../revenue/company-mrr-history'
import { DetailPanel } from '../ui/detail-panel'

const SORTS: { value: CompanySort; label: string }[] = [
  { value: 'mrr', label: 'MRR' },
  { value: 'requests', label: 'Requests' },
]

/**
 * The accounts behind the revenue: each company's MRR (counted once however many of its people
 * vote), its people and the requests they asked for, ranked; open one to see its requests.
 */
export function CompaniesPage({ client, projectId }: { client: AdminClient; projectId: string }) {
  const [sort, setSort] = useState<CompanySort>('mrr')
  const [companies, setCompanies] = useState<CompanySummary[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [openId, setOpenId] = useState<string | null>(null)

  useEffect(() => {
    client.companies(projectId, sort).then((result) => {
      if (result.ok) {
        setCompanies(result.data.companies)
        setError(null)
      } else setError(`The companies could not be loaded: ${result.message}`)
    })
  }, [client, projectId, sort])

  return (
    <div class="companies">
      <div class="toolbar">
        <span id="company-sort-label">Sort by</span>
        <div class="segmented" role="group" aria-labelledby="company-sort-label">
          {SORTS.map((option) => (
            <button
              key={option.value}
              type="button"
              aria-pressed={sort === option.value}
              onClick={() => setSort(option.value)}
            >
              {option.label}
            </button>
          ))}
        </div>
      </div>
      {error ? <p role="alert">{error}</p> : null}
      {companies === null && !error ? <p>Loading the companies…</p> : null}
      {companies && companies.length === 0 ? (
        <p class="empty">
          No companies yet. Add the optional <code>company</code> claim to your identity tokens and
          each company's revenue counts once, however many of its people vote.
        </p>
      ) : null}
      {companies && companies.length > 0 ? (
        <div class="backlog-layout">
          <table class="companies-table" aria-label="Companies">
            <thead>
              <tr>
                <th scope="col">Company</th>
                <th scope="col">Plan</th>
                <th scope="col" class="number">
                  MRR
                </th>
                <th scope="col" class="number">
                  People
                </th>
                <th scope="col" class="number">
                  Requests
                </th>
              </tr>
            </thead>
            <tbody>
              {companies.map((company) => (
                <tr key={company.id}>
                  <th scope="row">
                    <button type="button" class="link" onClick={() => setOpenId(company.id)}>
                      {company.name ?? company.id}
                    </button>{' '}
                    <AtRiskBadge facts={company} />
                  </th>
                  <td>{company.plan ?? '—'}</td>
                  <td class="number">
                    {formatMoney(company.mrrCents)} <MrrSourceLine facts={company} />
                  </td>
                  <td class="number">{company.people}</td>
                  <td class="number">{company.requests}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {openId ? (
            <CompanyDetail
              key={openId}
              client={client}
              projectId={projectId}
              companyId={openId}
              onClose={() => setOpenId(null)}
            />
          ) : null}
        </div>
      ) : null}
    </div>
  )
}

function CompanyDetail({
  client,
  projectId,
  companyId,
  onClose,
}: {
  client: AdminClient
  projectId: string
  companyId: string
  onClose: () => void
}) {
  const [detail, setDetail] = useState<CompanyDetailResponse | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    client.company(projectId, companyId).then((result) => {
      if (result.ok) setDetail(result.data)
      else setError(`The company could not be loaded: ${result.message}`)
    })
  }, [client, projectId, companyId])

  const title = detail?.company.name ?? companyId
  return (
    <DetailPanel kind="Company" title={title} error={error} onClose={onClose}>
      {detail ? (
        <>
          <p>
            {formatMoney(detail.company.mrrCents)} a month, {detail.company.people}{' '}
            {detail.company.people === 1 ? 'person' : 'people'}:{' '}
            {detail.people.map((person) => person.email ?? person.sub).join(', ')}.
          </p>
          <p>
            <AtRiskBadge facts={detail.company} /> <MrrSourceLine facts={detail.company} />
          </p>
          <CompanyMrrHistory client={client} projectId={projectId} companyId={companyId} />
          <h4>Requests they asked for</h4>
          <table aria-label={`Requests of ${title}`}>
            <thead>
              <tr>
                <th scope="col">Request</th>
                <th scope="col" class="number">
                  Their voters
                </th>
                <th scope="col" class="number">
                  Request MRR
                </th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {detail.requests.map((request) => (
                <tr key={request.id}>
                  <th scope="row">{request.title}</th>
                  <td class="number">{request.companyVoters}</td>
                  <td class="number">{formatMoney(request.mrrCents)}</td>
                  <td>{STATUS_LABELS[request.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </DetailPanel>
  )
}
