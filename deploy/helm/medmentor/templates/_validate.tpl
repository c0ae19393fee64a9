{{/*
Checks the schema cannot express (relations between values). Fails the install or upgrade
with a message naming the values to fix. Context: dict "root" "name" "settings".
*/}}
{{- define "medmentor.validateService" -}}
{{- $s := .settings -}}
{{- $c := $s.config -}}
{{- $name := .name -}}
{{- $root := .root -}}
{{- if and $c.AUTH_JWKS_URL $s.secret.AUTH_PUBLIC_KEY (not $s.secret.existingSecret) -}}
{{- fail (printf "%s: set only one of config.AUTH_JWKS_URL (production) and secret.AUTH_PUBLIC_KEY (development), not both" $name) -}}
{{- end -}}
{{- range (include "medmentor.ownSecretVariablesOf" (dict "name" $name) | fromYaml).list -}}
{{- if and .required (not $s.secret.existingSecret) (not (index $s.secret .name)) -}}
{{- fail (printf "%s: set services.%s.secret.%s (see values.yaml), or services.%s.secret.existingSecret with that key: the service needs it on every replica and across restarts" $name $name .name $name) -}}
{{- end -}}
{{- end -}}
{{- if and (not $s.secret.existingSecret) (not $s.secret.MONGODB_URI) -}}
{{- fail (printf "%s: set secret.MONGODB_URI or secret.existingSecret" $name) -}}
{{- end -}}
{{- $timeout := int64 $c.SHUTDOWN_TIMEOUT_MS -}}
{{- $drain := int64 $c.SHUTDOWN_DRAIN_DELAY_MS -}}
{{- if ge $drain $timeout -}}
{{- fail (printf "%s: SHUTDOWN_DRAIN_DELAY_MS (%d) must be less than SHUTDOWN_TIMEOUT_MS (%d): the timeout covers the drain delay" $name $drain $timeout) -}}
{{- end -}}
{{- $check := int64 $c.HEALTH_CHECK_TIMEOUT_MS -}}
{{- range $probe := list "startup" "readiness" "liveness" -}}
{{- $t := int64 (index $root.Values.probes $probe).timeoutSeconds -}}
{{- if le (mul $t 1000) $check -}}
{{- fail (printf "probes.%s.timeoutSeconds (%d s) must be above HEALTH_CHECK_TIMEOUT_MS (%d ms) of %s" $probe $t $check $name) -}}
{{- end -}}
{{- end -}}
{{- include "medmentor.validateKafka" (dict "kafka" $s.kafka "what" $name) -}}
{{- if and $s.autoscaling.enabled (gt (int64 $s.autoscaling.minReplicas) (int64 $s.autoscaling.maxReplicas)) -}}
{{- fail (printf "%s: autoscaling.minReplicas must not exceed autoscaling.maxReplicas" $name) -}}
{{- end -}}
{{- if and $s.keda.enabled (gt (int64 $s.keda.minReplicaCount) (int64 $s.keda.maxReplicaCount)) -}}
{{- fail (printf "%s: keda.minReplicaCount must not exceed keda.maxReplicaCount" $name) -}}
{{- end -}}
{{- if and $s.pdb.enabled (hasKey $s.pdb "minAvailable") (hasKey $s.pdb "maxUnavailable") (not (kindIs "invalid" $s.pdb.minAvailable)) (not (kindIs "invalid" $s.pdb.maxUnavailable)) -}}
{{- fail (printf "%s: set only one of pdb.minAvailable and pdb.maxUnavailable" $name) -}}
{{- end -}}
{{- end -}}

{{/* The chart-managed Secret's data (base64), for the Secret and its checksum. */}}
{{- define "medmentor.secretData" -}}
{{- $s := .settings -}}
MONGODB_URI: {{ $s.secret.MONGODB_URI | toString | b64enc | quote }}
{{- if $s.secret.AUTH_PUBLIC_KEY }}
AUTH_PUBLIC_KEY: {{ $s.secret.AUTH_PUBLIC_KEY | toString | b64enc | quote }}
{{- end }}
{{- range (include "medmentor.ownSecretVariablesOf" . | fromYaml).list }}
{{- $value := index $s.secret .name }}
{{- if $value }}
{{ .name }}: {{ $value | toString | b64enc | quote }}
{{- end }}
{{- end }}
{{- end -}}
