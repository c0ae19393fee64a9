import { helmLdflags, isProxyRefusal, kubeVersionFromGoMod, scratchGoMod } from './helm-binary';
import {
  containerEnv,
  imageTag,
  parseManifests,
  readmeConfigVariables,
  readmeServiceVariables,
  secretFileAt,
  type K8sObject,
} from './manifests';

describe('readmeConfigVariables', () => {
  const readme = [
    '# X',
    '## Configuration',
    '',
    'Text.',
    '',
    '| Variable | Default | Meaning |',
    '|---|---|---|',
    '| `PORT` | 3001 | HTTP port. |',
    '| `AUTH_JWKS_URL` | one of `A` | text with `CODE` |',
    '',
    '| Variable | Used by | Meaning |',
    '|---|---|---|',
    '| `INFRA_CACHE_DIR` | tools | not a service variable |',
  ].join('\n');

  it('reads the first column of the first table under the heading only', () => {
    expect(readmeConfigVariables(readme)).toEqual(['PORT', 'AUTH_JWKS_URL']);
  });

  it('fails without the heading or the table', () => {
    expect(() => readmeConfigVariables('# X\n')).toThrow('## Configuration');
    expect(() => readmeConfigVariables('## Configuration\n\n## Next\n| a |')).toThrow('no table');
  });
});

describe('readmeServiceVariables', () => {
  const readme = [
    '## Configuration',
    '',
    '| Variable | Default | Meaning |',
    '|---|---|---|',
    '| `PORT` | 3001 | HTTP port. |',
    '',
    'Each service also reads a few of its own:',
    '',
    '| Variable | Service | Default | Meaning |',
    '|---|---|---|---|',
    '| `MATCH_RUN_LEASE_MS` | matching | `30000` | Lease. |',
    '| `SMTP_URL`, `MAIL_FROM` | notifications | `smtp://127.0.0.1:2525` | Relay. |',
    '',
    '## Next',
    '',
    '| Variable | Service | Default | Meaning |',
    '|---|---|---|---|',
    '| `OTHER` | profiles | 1 | outside the section |',
  ].join('\n');

  it('reads variable, service and default of the table with a Service column', () => {
    expect(readmeServiceVariables(readme)).toEqual([
      { variable: 'MATCH_RUN_LEASE_MS', service: 'matching', default: '30000' },
      { variable: 'SMTP_URL', service: 'notifications', default: 'smtp://127.0.0.1:2525' },
      { variable: 'MAIL_FROM', service: 'notifications', default: 'smtp://127.0.0.1:2525' },
    ]);
    expect(readmeConfigVariables(readme)).toEqual(['PORT']);
  });

  it('fails when the section has no such table', () => {
    expect(() => readmeServiceVariables(readme.split('Each service')[0] ?? '')).toThrow(
      'no table with a Service column',
    );
  });
});

describe('imageTag', () => {
  it.each([
    ['registry.example.com:5000/medmentor/profiles:0.1.0', '0.1.0'],
    ['medmentor/profiles', null],
    ['registry.example.com:5000/medmentor/profiles', null],
    ['medmentor/profiles:1.2@sha256:abc', '1.2'],
  ])('%s has tag %s', (image, tag) => expect(imageTag(image)).toBe(tag));
});

describe('containerEnv', () => {
  const objects: K8sObject[] = parseManifests(
    [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: { name: cfg }',
      'data: { PORT: "3001", LOG_LEVEL: info }',
      '---',
      'apiVersion: v1',
      'kind: Secret',
      'metadata: { name: sec }',
      'data: { MONGODB_URI: eA== }',
    ].join('\n'),
  );

  it('merges envFrom keys and env entries, env winning', () => {
    const env = containerEnv(
      {
        name: 'c',
        image: 'i:1',
        envFrom: [{ configMapRef: { name: 'cfg' } }],
        env: [
          { name: 'LOG_LEVEL', value: 'debug' },
          { name: 'MONGODB_URI', valueFrom: { secretKeyRef: { name: 'sec', key: 'MONGODB_URI' } } },
          {
            name: 'AUTH_PUBLIC_KEY',
            valueFrom: { secretKeyRef: { name: 'theirs', key: 'k', optional: true } },
          },
        ],
      },
      objects,
    );
    expect(Object.fromEntries(env)).toEqual({
      PORT: { from: 'configmap:cfg', value: '3001' },
      LOG_LEVEL: { from: 'env', value: 'debug' },
      MONGODB_URI: { from: 'secret:sec', external: false },
      AUTH_PUBLIC_KEY: { from: 'secret:theirs', external: true },
    });
  });

  it('refuses references to missing ConfigMaps and missing keys of rendered Secrets', () => {
    expect(() =>
      containerEnv(
        { name: 'c', image: 'i', envFrom: [{ configMapRef: { name: 'nope' } }] },
        objects,
      ),
    ).toThrow('does not render');
    expect(() =>
      containerEnv(
        {
          name: 'c',
          image: 'i',
          env: [{ name: 'X', valueFrom: { secretKeyRef: { name: 'sec', key: 'X' } } }],
        },
        objects,
      ),
    ).toThrow('has no key X');
  });
});

describe('helm build settings', () => {
  it('stamps the Kubernetes version of the client-go helm requires', () => {
    const goMod =
      'module helm.sh/helm/v3\n\nrequire (\n\tk8s.io/api v0.37.0\n\tk8s.io/client-go v0.37.2\n)\n';
    expect(kubeVersionFromGoMod(goMod)).toEqual({ major: '1', minor: '37' });
    expect(helmLdflags('v3.22.0', { major: '1', minor: '37' })).toContain(
      'pkg/chartutil.k8sVersionMinor=37',
    );
    expect(() => kubeVersionFromGoMod('module x\n')).toThrow('client-go');
  });

  it('falls back to a scratch module only when the proxy refuses the version query', () => {
    expect(
      isProxyRefusal(
        'go: helm.sh/helm/v3@v3.22.0: reading https://proxy.golang.org/...: 403 Forbidden',
      ),
    ).toBe(true);
    expect(isProxyRefusal('pkg/foo.go:12: undefined: bar')).toBe(false);
    expect(scratchGoMod('v3.22.0')).toContain('require helm.sh/helm/v3 v3.22.0');
  });
});

describe('secretFileAt', () => {
  const container = {
    name: 'c',
    image: 'i',
    volumeMounts: [
      { name: 'tmp', mountPath: '/tmp' },
      { name: 'creds', mountPath: '/etc/creds/', readOnly: true },
    ],
  };
  const pod = {
    containers: [container],
    volumes: [
      { name: 'tmp', emptyDir: {} },
      {
        name: 'creds',
        projected: {
          sources: [
            { secret: { name: 'ca', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
            { secret: { name: 'user', items: [{ key: 'password', path: 'pw' }] } },
          ],
        },
      },
    ],
  };

  it('finds the Secret and key behind a mounted file', () => {
    expect(secretFileAt(pod, container, '/etc/creds/pw')).toEqual({
      secret: 'user',
      key: 'password',
      readOnly: true,
    });
    expect(secretFileAt(pod, container, '/etc/creds/ca.crt')).toEqual({
      secret: 'ca',
      key: 'ca.crt',
      readOnly: true,
    });
  });

  it('is undefined for a path no Secret provides', () => {
    expect(secretFileAt(pod, container, '/etc/creds/other')).toBeUndefined();
    expect(secretFileAt(pod, container, '/tmp/pw')).toBeUndefined();
    expect(secretFileAt(pod, { ...container, volumeMounts: [] }, '/etc/creds/pw')).toBeUndefined();
  });
});
