// kube-check decodes rendered Kubernetes manifests (multi-document YAML on stdin) into the
// Go types of the Kubernetes API, strictly: an unknown or duplicated field, or a value of the
// wrong type, is an error. It also checks object names and labels as the API server would.
// Kinds the client-go scheme does not know (custom resources) are reported as skipped.
//
// Output: one JSON object per document, {"kind", "name", "status": "ok"|"error"|"skipped", "errors"}.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"k8s.io/apimachinery/pkg/api/meta"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	serializerjson "k8s.io/apimachinery/pkg/runtime/serializer/json"
	"k8s.io/apimachinery/pkg/util/validation"
	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
	"k8s.io/client-go/kubernetes/scheme"
	sigsyaml "sigs.k8s.io/yaml"
)

type result struct {
	Kind   string   `json:"kind"`
	Name   string   `json:"name"`
	Status string   `json:"status"`
	Errors []string `json:"errors,omitempty"`
}

type typeMeta struct {
	APIVersion string `json:"apiVersion"`
	Kind       string `json:"kind"`
	Metadata   struct {
		Name string `json:"name"`
	} `json:"metadata"`
}

func main() {
	strict := serializerjson.NewSerializerWithOptions(serializerjson.DefaultMetaFactory, scheme.Scheme, scheme.Scheme,
		serializerjson.SerializerOptions{Yaml: true, Strict: true})
	reader := utilyaml.NewYAMLReader(bufio.NewReader(os.Stdin))
	out := json.NewEncoder(os.Stdout)
	failed := false
	for {
		doc, err := reader.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "kube-check: reading input: %v\n", err)
			os.Exit(2)
		}
		if len(bytes.TrimSpace(stripComments(doc))) == 0 {
			continue
		}
		res := check(strict, doc)
		if res.Status == "error" {
			failed = true
		}
		if err := out.Encode(res); err != nil {
			os.Exit(2)
		}
	}
	if failed {
		os.Exit(1)
	}
}

func check(strict runtime.Decoder, doc []byte) result {
	var tm typeMeta
	if err := sigsyaml.Unmarshal(doc, &tm); err != nil {
		return result{Status: "error", Errors: []string{fmt.Sprintf("not YAML: %v", err)}}
	}
	res := result{Kind: tm.Kind, Name: tm.Metadata.Name, Status: "ok"}
	gvk := schema.FromAPIVersionAndKind(tm.APIVersion, tm.Kind)
	if !scheme.Scheme.Recognizes(gvk) {
		res.Status = "skipped"
		res.Errors = []string{fmt.Sprintf("%s is not a built-in type", gvk.String())}
		return res
	}
	obj, _, err := strict.Decode(doc, nil, nil)
	if err != nil {
		res.Status = "error"
		res.Errors = append(res.Errors, err.Error())
		return res
	}
	accessor, err := meta.Accessor(obj)
	if err != nil {
		res.Status = "error"
		res.Errors = append(res.Errors, err.Error())
		return res
	}
	// Services need DNS-1035 labels; other objects here DNS-1123 subdomains.
	var nameErrs []string
	if tm.Kind == "Service" {
		nameErrs = validation.IsDNS1035Label(accessor.GetName())
	} else {
		nameErrs = validation.IsDNS1123Subdomain(accessor.GetName())
	}
	for _, e := range nameErrs {
		res.Errors = append(res.Errors, fmt.Sprintf("metadata.name %q: %s", accessor.GetName(), e))
	}
	for k, v := range accessor.GetLabels() {
		for _, e := range validation.IsQualifiedName(k) {
			res.Errors = append(res.Errors, fmt.Sprintf("label key %q: %s", k, e))
		}
		for _, e := range validation.IsValidLabelValue(v) {
			res.Errors = append(res.Errors, fmt.Sprintf("label %q value %q: %s", k, v, e))
		}
	}
	for k := range accessor.GetAnnotations() {
		for _, e := range validation.IsQualifiedName(k) {
			res.Errors = append(res.Errors, fmt.Sprintf("annotation key %q: %s", k, e))
		}
	}
	if len(res.Errors) > 0 {
		res.Status = "error"
	}
	return res
}

// stripComments drops whole-line comments, so a document holding only "# Source: ..." is empty.
func stripComments(doc []byte) []byte {
	var b bytes.Buffer
	for _, line := range bytes.Split(doc, []byte("\n")) {
		trimmed := bytes.TrimSpace(line)
		if len(trimmed) > 0 && trimmed[0] == '#' {
			continue
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	return b.Bytes()
}
