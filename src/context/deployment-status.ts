// Deployments as GitHub records them: `deployment` and `deployment_status` runs. Vercel, Netlify,
// Heroku, Render, Argo CD and GitHub Pages report their deploys to GitHub this way, so a workflow on
// `deployment_status` records deploys made outside GitHub Actions. The commit, ref and deployer are the
// deployment's; the status says where the deploy stands. Pure, and free of the event modules, so
// workflow-context.ts can use it; pairing.ts decides the start and end.
import { compact, record, text, type JsonObject } from '../common/json.js';
import { shorten } from '../common/log-text.js';
import { userLogin } from './github-user.js';

export interface DeploymentStatus {
  /** `success`, `failure`, `error`, `inactive`, `in_progress`, `queued`, `pending` or `waiting`, lower-cased; pairing.ts says what each calls for. */
  state: string | undefined;
  environmentUrl: string | undefined;
  /** The platform's page for this deploy (`target_url`, or its newer name `log_url`). */
  targetUrl: string | undefined;
  description: string | undefined;
  /** Who reported the status: often the platform's app (`vercel[bot]`). */
  creator: string | undefined;
  createdAt: string | undefined;
}

export interface Deployment {
  id: string;
  sha: string | undefined;
  /** Branch, tag or SHA, as the deployment was created with. */
  ref: string | undefined;
  environment: string | undefined;
  description: string | undefined;
  /** Who created the deployment: the deployer. */
  creator: string | undefined;
  createdAt: string | undefined;
  /** Present in a `deployment_status` run. */
  status: DeploymentStatus | undefined;
}

/** Longest status description kept: platforms write a sentence (`Deployment has completed`). */
const MAX_STATUS_DESCRIPTION = 200;

/** The deployment of a `deployment` or `deployment_status` payload, or undefined when it names none. */
export function readDeployment(payload: JsonObject): Deployment | undefined {
  const deployment = record(payload.deployment);
  const rawId = deployment?.id;
  const id = typeof rawId === 'number' && Number.isSafeInteger(rawId) && rawId > 0 ? String(rawId) : undefined;
  if (!deployment || !id) return undefined;
  const status = record(payload.deployment_status);
  const statusDescription = text(status?.description);
  return {
    id,
    sha: text(deployment.sha),
    ref: text(deployment.ref),
    environment: text(deployment.environment),
    description: text(deployment.description),
    creator: userLogin(deployment.creator),
    createdAt: text(deployment.created_at),
    status: status && {
      state: text(status.state)?.toLowerCase(),
      environmentUrl: text(status.environment_url),
      targetUrl: text(status.target_url) ?? text(status.log_url),
      description: statusDescription && shorten(statusDescription, MAX_STATUS_DESCRIPTION),
      creator: userLogin(status.creator),
      createdAt: text(status.created_at) ?? text(status.updated_at),
    },
  };
}

/** What a deployment adds to `data`: itself, links to it, and the texts its tickets and description come from. */
export interface DeploymentFacts {
  data: Record<string, unknown> | undefined;
  links: { environment: string | undefined; deployment: string | undefined };
  ticketTexts: Array<string | undefined>;
  description: string | undefined;
}

export function deploymentFacts(deployment: Deployment): DeploymentFacts {
  const { status } = deployment;
  return {
    data: compact({
      id: Number(deployment.id),
      environment: deployment.environment,
      state: status?.state,
      status_description: status?.description,
    }),
    links: { environment: status?.environmentUrl, deployment: status?.targetUrl },
    ticketTexts: [deployment.description],
    // A platform's status line (`Deployment has completed`) describes the change only when nothing else does.
    description: deployment.description ?? status?.description,
  };
}
