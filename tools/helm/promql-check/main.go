// promql-check parses PromQL expressions with Prometheus' own parser. Input: one JSON object
// per line on stdin, {"id": "...", "expr": "..."}. Output: one JSON object per line,
// {"id": "...", "error": "..."} when the expression does not parse, else
// {"id": "...", "metrics": ["name", ...]} with the metric names its selectors read.
// Exit status 0 when every expression parsed, 1 otherwise, 2 on bad input.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"sort"

	"github.com/prometheus/prometheus/model/labels"
	"github.com/prometheus/prometheus/promql/parser"
)

type request struct {
	ID   string `json:"id"`
	Expr string `json:"expr"`
}

type result struct {
	ID      string   `json:"id"`
	Error   string   `json:"error,omitempty"`
	Metrics []string `json:"metrics,omitempty"`
}

func metricNames(expr parser.Expr) ([]string, error) {
	seen := map[string]bool{}
	var missing error
	parser.Inspect(expr, func(node parser.Node, _ []parser.Node) error {
		selector, ok := node.(*parser.VectorSelector)
		if !ok {
			return nil
		}
		if selector.Name != "" {
			seen[selector.Name] = true
			return nil
		}
		for _, matcher := range selector.LabelMatchers {
			if matcher.Name == labels.MetricName && matcher.Type == labels.MatchEqual {
				seen[matcher.Value] = true
				return nil
			}
		}
		missing = fmt.Errorf("selector %s names no metric", selector.String())
		return nil
	})
	names := make([]string, 0, len(seen))
	for name := range seen {
		names = append(names, name)
	}
	sort.Strings(names)
	return names, missing
}

func main() {
	scanner := bufio.NewScanner(os.Stdin)
	scanner.Buffer(make([]byte, 1024*1024), 16*1024*1024)
	out := json.NewEncoder(os.Stdout)
	status := 0
	for scanner.Scan() {
		if len(scanner.Bytes()) == 0 {
			continue
		}
		var req request
		if err := json.Unmarshal(scanner.Bytes(), &req); err != nil {
			fmt.Fprintf(os.Stderr, "bad input line: %v\n", err)
			os.Exit(2)
		}
		res := result{ID: req.ID}
		expr, err := parser.ParseExpr(req.Expr)
		if err == nil {
			res.Metrics, err = metricNames(expr)
		}
		if err != nil {
			res.Error = err.Error()
			status = 1
		}
		if err := out.Encode(res); err != nil {
			fmt.Fprintf(os.Stderr, "write: %v\n", err)
			os.Exit(2)
		}
	}
	if err := scanner.Err(); err != nil {
		fmt.Fprintf(os.Stderr, "read: %v\n", err)
		os.Exit(2)
	}
	os.Exit(status)
}
