{{/* Chart name, possibly overridden. */}}
{{- define "medmentor.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Release-wide name prefix: <release>-medmentor, or the release name when it already contains the chart name. */}}
{{- define "medmentor.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "medmentor.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels of every object of the release. */}}
{{- define "medmentor.labels" -}}
helm.sh/chart: {{ include "medmentor.chart" . }}
{{ include "medmentor.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: medmentor
{{- end -}}

{{/* Selects every pod of the release (services and the topic Job). */}}
{{- define "medmentor.selectorLabels" -}}
app.kubernetes.io/name: {{ include "medmentor.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* Context for the per-service helpers: dict "root" $ "name" <service>. */}}

{{/* Name of one service's objects: <fullname>-<service>. */}}
{{- define "medmentor.serviceFullname" -}}
{{- printf "%s-%s" (include "medmentor.fullname" .root) .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "medmentor.serviceSelectorLabels" -}}
{{ include "medmentor.selectorLabels" .root }}
app.kubernetes.io/component: {{ .name }}
{{- end -}}

{{- define "medmentor.serviceLabels" -}}
{{ include "medmentor.labels" .root }}
app.kubernetes.io/component: {{ .name }}
{{- end -}}

{{- define "medmentor.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "medmentor.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/*
One service's settings: the shared values with the service's overrides, as YAML (read it
with fromYaml). Maps are merged (the service wins), lists and scalars are replaced.
*/}}
{{- define "medmentor.settings" -}}
{{- $root := .root -}}
{{- $svc := index $root.Values.services .name -}}
{{- $out := dict "name" .name "port" $svc.port -}}
{{- range $key := list "resources" "autoscaling" "keda" "pdb" "podAnnotations" "podLabels" "nodeSelector" "affinity" -}}
{{- $shared := deepCopy (index $root.Values $key | default dict) -}}
{{- $_ := set $out $key (mergeOverwrite $shared (deepCopy (index $svc $key | default dict))) -}}
{{- end -}}
{{- range $key := list "replicaCount" "tolerations" "topologySpreadConstraints" "extraEnv" "extraEnvFrom" -}}
{{- $_ := set $out $key (ternary (index $svc $key) (index $root.Values $key) (hasKey $svc $key)) -}}
{{- end -}}
{{- $image := mergeOverwrite (deepCopy $root.Values.image) (deepCopy ($svc.image | default dict)) -}}
{{- if not (and $svc.image $svc.image.repository) -}}
{{- $_ := set $image "repository" (printf "%s/%s" $root.Values.image.repository .name) -}}
{{- end -}}
{{- $_ := set $out "image" $image -}}
{{- $secret := mergeOverwrite (deepCopy $root.Values.secret) (deepCopy ($svc.secret | default dict)) -}}
{{- $_ := set $out "secret" $secret -}}
{{- $_ := set $out "config" (include "medmentor.config" . | fromYaml) -}}
{{- $_ := set $out "kafka" (include "medmentor.kafkaSecurity" . | fromYaml) -}}
{{- toYaml $out -}}
{{- end -}}

{{/*
One service's non-secret environment (the ConfigMap's data), every value a string.
Per-service defaults first, then the shared config, then the service's own config.
*/}}
{{- define "medmentor.config" -}}
{{- $root := .root -}}
{{- $svc := index $root.Values.services .name -}}
{{- $env := dict
  "MONGODB_DATABASE" (printf "medmentor_%s" .name)
  "KAFKA_CLIENT_ID" .name
  "KAFKA_GROUP_ID" (printf "medmentor-%s" .name)
-}}
{{- $env = mergeOverwrite $env (deepCopy $root.Values.config) (deepCopy ($svc.config | default dict)) -}}
{{- $_ := set $env "PORT" $svc.port -}}
{{- $_ := set $env "KAFKA_CREATE_TOPICS" (eq $root.Values.topics.provisioner "service") -}}
{{- $kafka := include "medmentor.kafkaSecurity" . | fromYaml -}}
{{- $env = mergeOverwrite $env (include "medmentor.kafkaSecurityEnv" $kafka | fromYaml) -}}
{{- range $k, $v := $env }}
{{ $k }}: {{ include "medmentor.envString" $v | quote }}
{{- end -}}
{{- end -}}

{{/* A value as an environment string: integers without exponent, booleans as true/false, null as "". */}}
{{- define "medmentor.envString" -}}
{{- if kindIs "invalid" . -}}
{{- else if or (kindIs "float64" .) (kindIs "float32" .) -}}
{{- if eq (float64 .) (float64 (int64 .)) -}}{{ int64 . }}{{- else -}}{{ . }}{{- end -}}
{{- else -}}
{{- toString . -}}
{{- end -}}
{{- end -}}

{{/* The image reference of a settings dict's image. */}}
{{- define "medmentor.image" -}}
{{- $tag := .image.tag | default .appVersion | toString -}}
{{- if .image.digest -}}
{{- printf "%s@%s" .image.repository .image.digest -}}
{{- else -}}
{{- printf "%s:%s" .image.repository $tag -}}
{{- end -}}
{{- end -}}

{{/* Seconds Kubernetes waits after SIGTERM: explicit, or the shutdown timeout plus 5 s. Fails when not above the timeout. */}}
{{- define "medmentor.terminationGracePeriodSeconds" -}}
{{- $timeoutMs := int64 (.config.SHUTDOWN_TIMEOUT_MS | default 25000) -}}
{{- $grace := .explicit -}}
{{- if kindIs "invalid" $grace -}}
{{- $grace = add (div (add $timeoutMs 999) 1000) 5 -}}
{{- end -}}
{{- if le (mul (int64 $grace) 1000) $timeoutMs -}}
{{- fail (printf "terminationGracePeriodSeconds (%v) must be above SHUTDOWN_TIMEOUT_MS (%v ms) of %s, or the kubelet kills the process mid-shutdown" $grace $timeoutMs .name) -}}
{{- end -}}
{{- int64 $grace -}}
{{- end -}}

{{/*
Secret variables only one service reads (README: "Each service also reads a few of its
own"), by service, as YAML: name, and whether the service needs it (a value or a key of
the existing Secret; the render fails without one).
*/}}
{{- define "medmentor.ownSecretVariables" -}}
notifications:
  - name: SMTP_URL
    required: false
  - name: NOTIFICATIONS_UNSUBSCRIBE_SECRET
    required: true
  - name: NOTIFICATIONS_SECRET_KEY
    required: true
{{- end -}}

{{/* The secret variables of one service (list of { name, required }). Context: dict "name". */}}
{{- define "medmentor.ownSecretVariablesOf" -}}
{{- $all := include "medmentor.ownSecretVariables" . | fromYaml -}}
{{- toYaml (dict "list" (index $all .name | default list)) -}}
{{- end -}}

{{/* The name of the Secret a service reads MONGODB_URI, AUTH_PUBLIC_KEY and its own secrets from. */}}
{{- define "medmentor.secretName" -}}
{{- if .settings.secret.existingSecret -}}
{{- .settings.secret.existingSecret -}}
{{- else -}}
{{- include "medmentor.serviceFullname" . -}}
{{- end -}}
{{- end -}}

{{/* Topic names: the configured catalog, de-duplicated, in order. */}}
{{- define "medmentor.topicNames" -}}
{{- toYaml (uniq .Values.topics.names) -}}
{{- end -}}

{{/* A Kubernetes object name for a topic (KafkaTopic metadata.name). */}}
{{- define "medmentor.topicResourceName" -}}
{{- . | lower | replace "_" "-" | trunc 253 | trimSuffix "-" | trimSuffix "." -}}
{{- end -}}

{{/* The image of the topic Job: the image of topics.job.imageFrom. */}}
{{- define "medmentor.topicJobImage" -}}
{{- $s := include "medmentor.settings" (dict "root" . "name" .Values.topics.job.imageFrom) | fromYaml -}}
{{- include "medmentor.image" (dict "image" $s.image "appVersion" .Chart.AppVersion) -}}
{{- end -}}

{{/* A NetworkPolicy egress rule from { to: [peers], ports: [numbers] }; no `to` means any destination. */}}
{{- define "medmentor.egressRule" -}}
{{- with .to }}
to:
  {{- toYaml . | nindent 2 }}
{{- end }}
ports:
  {{- range .ports }}
  - port: {{ . }}
    protocol: TCP
  {{- end }}
{{- end -}}

{{/*
Kafka TLS and SASL settings (as YAML): the release-wide `kafka` values, merged with
services.<name>.kafka when the context has a name. Context: dict "root" $ ["name" <service>].
*/}}
{{- define "medmentor.kafkaSecurity" -}}
{{- $k := deepCopy .root.Values.kafka -}}
{{- if .name -}}
{{- $svc := index .root.Values.services .name -}}
{{- $k = mergeOverwrite $k (deepCopy ($svc.kafka | default dict)) -}}
{{- end -}}
{{- toYaml $k -}}
{{- end -}}

{{/* Where the Kafka credential files are mounted. */}}
{{- define "medmentor.kafkaCredentialsDir" -}}/etc/medmentor/kafka{{- end -}}

{{/* The KAFKA_SSL* and KAFKA_SASL* variables for a kafka settings dict, as YAML strings. */}}
{{- define "medmentor.kafkaSecurityEnv" -}}
{{- $dir := include "medmentor.kafkaCredentialsDir" . -}}
KAFKA_SSL: {{ .tls.enabled | toString | quote }}
KAFKA_SSL_REJECT_UNAUTHORIZED: {{ .tls.rejectUnauthorized | toString | quote }}
{{- if and .tls.enabled .tls.caSecret.name }}
KAFKA_SSL_CA_FILE: {{ printf "%s/ca.crt" $dir | quote }}
{{- end }}
{{- if and .tls.enabled .tls.clientSecret.name }}
KAFKA_SSL_CERT_FILE: {{ printf "%s/client.crt" $dir | quote }}
KAFKA_SSL_KEY_FILE: {{ printf "%s/client.key" $dir | quote }}
{{- end }}
{{- if .sasl.mechanism }}
KAFKA_SASL_MECHANISM: {{ .sasl.mechanism | quote }}
KAFKA_SASL_USERNAME: {{ .sasl.username | quote }}
KAFKA_SASL_PASSWORD_FILE: {{ printf "%s/sasl-password" $dir | quote }}
{{- end }}
{{- end -}}

{{/* Sources of the projected volume holding the Kafka credential files ("" when none). */}}
{{- define "medmentor.kafkaVolumeSources" -}}
{{- if and .tls.enabled .tls.caSecret.name }}
- secret:
    name: {{ .tls.caSecret.name }}
    items:
      - key: {{ .tls.caSecret.key }}
        path: ca.crt
{{- end }}
{{- if and .tls.enabled .tls.clientSecret.name }}
- secret:
    name: {{ .tls.clientSecret.name }}
    items:
      - key: {{ .tls.clientSecret.certKey }}
        path: client.crt
      - key: {{ .tls.clientSecret.keyKey }}
        path: client.key
{{- end }}
{{- if .sasl.mechanism }}
- secret:
    name: {{ .sasl.passwordSecret.name }}
    items:
      - key: {{ .sasl.passwordSecret.key }}
        path: sasl-password
{{- end }}
{{- end -}}

{{/* Fails on Kafka settings the services would refuse at start. Context: dict "kafka" <settings> "what" <where>. */}}
{{- define "medmentor.validateKafka" -}}
{{- $k := .kafka -}}
{{- if and (not $k.tls.enabled) (or $k.tls.caSecret.name $k.tls.clientSecret.name) -}}
{{- fail (printf "%s: kafka.tls.caSecret / clientSecret need kafka.tls.enabled=true" .what) -}}
{{- end -}}
{{- if $k.sasl.mechanism -}}
{{- if or (not $k.sasl.username) (not $k.sasl.passwordSecret.name) -}}
{{- fail (printf "%s: kafka.sasl.mechanism needs kafka.sasl.username and kafka.sasl.passwordSecret.name" .what) -}}
{{- end -}}
{{- if and (eq $k.sasl.mechanism "plain") (not $k.tls.enabled) -}}
{{- fail (printf "%s: kafka.sasl.mechanism=plain sends the password in clear: set kafka.tls.enabled=true" .what) -}}
{{- end -}}
{{- else if or $k.sasl.username $k.sasl.passwordSecret.name -}}
{{- fail (printf "%s: kafka.sasl.username / passwordSecret need kafka.sasl.mechanism" .what) -}}
{{- end -}}
{{- end -}}
