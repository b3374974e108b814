package miniotest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Alias is the mc alias under which MC reaches the server, as in
// "test/BUCKET".
const Alias = "test"

// MC runs the mc client with --no-color --quiet and args against the
// server, reachable as the alias "test" (set through MC_HOST_test, with a
// private MC_CONFIG_DIR), and returns its combined output. A failure's
// error includes that output.
func (s *Server) MC(ctx context.Context, args ...string) (string, error) {
	mc := filepath.Join(s.binDir, "mc")
	if !isExecutable(mc) {
		return "", fmt.Errorf("miniotest: no mc binary in %s: %s", s.binDir, installHint)
	}
	hostURL := url.URL{Scheme: "http", User: url.UserPassword(s.RootUser, s.RootPassword), Host: s.Host}
	cmd := exec.CommandContext(ctx, mc, append([]string{"--no-color", "--quiet"}, args...)...)
	cmd.Env = append(cleanEnv(),
		"MC_HOST_"+Alias+"="+hostURL.String(),
		"MC_CONFIG_DIR="+s.mcConfigDir(),
		"MC_UPDATE=off",
		"MC_DISABLE_PAGER=true",
		"HOME="+s.root,
	)
	cmd.Dir = s.root
	cmd.SysProcAttr = sysProcAttr()
	out, err := cmd.CombinedOutput()
	if err != nil {
		return string(out), fmt.Errorf("miniotest: mc %s: %w\n%s", strings.Join(args, " "), err, out)
	}
	return string(out), nil
}

// MakeBucket creates the bucket unless it exists.
func (s *Server) MakeBucket(ctx context.Context, bucket string) error {
	_, err := s.MC(ctx, "mb", "--ignore-existing", Alias+"/"+bucket)
	return err
}

// AddOrgUser creates a MinIO user with random credentials (access key
// "org-" and 12 hex digits, a 32-digit secret) restricted by OrgPolicy to
// the organization's folder orgs/ORGID/ in the bucket, under the policy
// named "org-ORGID" (created, or replaced by the same content).
func (s *Server) AddOrgUser(ctx context.Context, bucket, orgID string) (accessKey, secretKey string, err error) {
	accessKey = "org-" + randomHex(6)
	secretKey = randomHex(16)
	policy := "org-" + orgID

	f, err := os.CreateTemp(s.root, "policy-*.json")
	if err != nil {
		return "", "", fmt.Errorf("miniotest: %w", err)
	}
	defer os.Remove(f.Name())
	_, err = f.WriteString(OrgPolicy(bucket, orgID))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", "", fmt.Errorf("miniotest: %w", err)
	}

	for _, args := range [][]string{
		{"admin", "user", "add", Alias, accessKey, secretKey},
		{"admin", "policy", "create", Alias, policy, f.Name()},
		{"admin", "policy", "attach", Alias, policy, "--user", accessKey},
	} {
		if _, err := s.MC(ctx, args...); err != nil {
			return "", "", err
		}
	}
	return accessKey, secretKey, nil
}

// OrgPolicy is the IAM policy of one organization's user: read and write
// objects under orgs/ORGID/ of the bucket, list only that folder, and look
// up the bucket's region; nothing else. (A stand-in until package snapshot
// has its own.)
func OrgPolicy(bucket, orgID string) string {
	type statement struct {
		Effect    string                         `json:"Effect"`
		Action    []string                       `json:"Action"`
		Resource  []string                       `json:"Resource"`
		Condition map[string]map[string][]string `json:"Condition,omitempty"`
	}
	bucketARN := "arn:aws:s3:::" + bucket
	prefix := "orgs/" + orgID + "/"
	doc := struct {
		Version   string      `json:"Version"`
		Statement []statement `json:"Statement"`
	}{
		Version: "2012-10-17",
		Statement: []statement{
			{
				Effect:   "Allow",
				Action:   []string{"s3:GetObject", "s3:PutObject"},
				Resource: []string{bucketARN + "/" + prefix + "*"},
			},
			{
				Effect:   "Allow",
				Action:   []string{"s3:ListBucket"},
				Resource: []string{bucketARN},
				Condition: map[string]map[string][]string{
					"StringLike": {"s3:prefix": {prefix + "*", prefix}},
				},
			},
			{
				Effect:   "Allow",
				Action:   []string{"s3:GetBucketLocation"},
				Resource: []string{bucketARN},
			},
		},
	}
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		panic(err) // strings and slices only: cannot fail
	}
	return string(b) + "\n"
}
