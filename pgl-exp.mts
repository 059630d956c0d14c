import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
const { readFileSync } = await import('node:fs')
const mb = (n:number)=>Math.round(n/1048576)
const m = () => { const u = process.memoryUsage(); return `rss ${mb(u.rss)} heap ${mb(u.heapUsed)} ext ${mb(u.external)} ab ${mb(u.arrayBuffers)}` }
console.log('before', m())
const opts: any = { extensions: { pg_trgm } }
if (process.env.INITMEM) opts.initialMemory = Number(process.env.INITMEM)*1048576
if (process.env.SB) opts.startParams = [...(PGlite as any).defaultStartParams ?? [], '-c', `shared_buffers=${process.env.SB}`]
const db = await PGlite.create('/tmp/pgl-exp/pglite', opts)
console.log('open', m())
console.log(readFileSync('/tmp/pgl-exp/pglite/postmaster.pid','utf8'))
console.log((await db.query(`SHOW shared_buffers`)).rows[0])
await db.close()
console.log('closed', m())
