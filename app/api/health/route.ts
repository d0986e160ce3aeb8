import { NextResponse } from 'next/server';
import { getDatabase } from '@/db/client';
import { getHealth } from '@/lib/system/health';

export const dynamic = 'force-dynamic';

/** Public: engine, migration state, version and whether this instance runs the jobs, for load balancers and operators. */
export async function GET() {
  try {
    const health = await getHealth(await getDatabase());
    return NextResponse.json(health, { status: health.status === 'ok' ? 200 : 503 });
  } catch {
    return NextResponse.json({ status: 'down' }, { status: 503 });
  }
}
