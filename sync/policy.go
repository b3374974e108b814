package snapshot

import (
	"encoding/json"
	"fmt"
)

// OrgPolicy is the MinIO bucket policy that limits an organization's
// access key to its own prefix orgs/<org-id>/: it may list, read and write
// there, list and read, never write, what the committee publishes under
// committee/ (its re-base notices and its signed channel,
// committee/channel/), and nothing else (no deletes, nothing of other
// organizations). TestOrgCredentialsStayInTheirPrefix and
// TestOrgCannotWriteTheChannel hold a real MinIO to it.
func OrgPolicy(bucket, orgID string) string {
	type statement struct {
		Effect    string                    `json:"Effect"`
		Action    []string                  `json:"Action"`
		Resource  []string                  `json:"Resource"`
		Condition map[string]map[string]any `json:"Condition,omitempty"`
	}
	doc := struct {
		Version   string      `json:"Version"`
		Statement []statement `json:"Statement"`
	}{
		Version: "2012-10-17",
		Statement: []statement{
			{Effect: "Allow", Action: []string{"s3:GetObject", "s3:PutObject"},
				Resource: []string{fmt.Sprintf("arn:aws:s3:::%s/orgs/%s/*", bucket, orgID)}},
			{Effect: "Allow", Action: []string{"s3:GetObject"},
				Resource: []string{fmt.Sprintf("arn:aws:s3:::%s/committee/*", bucket)}},
			{Effect: "Allow", Action: []string{"s3:ListBucket"},
				Resource: []string{"arn:aws:s3:::" + bucket},
				Condition: map[string]map[string]any{"StringLike": {"s3:prefix": []string{
					"orgs/" + orgID + "/*", "orgs/" + orgID + "/", "committee/*", "committee/"}}}},
			{Effect: "Allow", Action: []string{"s3:GetBucketLocation"}, Resource: []string{"arn:aws:s3:::" + bucket}},
		},
	}
	b, _ := json.MarshalIndent(doc, "", "  ")
	return string(b) + "\n"
}

// PolicyName is the name given to an organization's policy on the server.
func PolicyName(orgID string) string { return "dangjian-org-" + orgID }

// AdminCommands are the mc commands an administrator runs to create the
// organization's user with its policy (alias is mc's name for the server,
// policyFile where OrgPolicy was saved).
func AdminCommands(alias, orgID, accessKey, policyFile string) []string {
	name := PolicyName(orgID)
	return []string{
		fmt.Sprintf("mc admin user add %s %s '<机密访问密钥>'", alias, accessKey),
		fmt.Sprintf("mc admin policy create %s %s %s", alias, name, policyFile),
		fmt.Sprintf("mc admin policy attach %s %s --user %s", alias, name, accessKey),
	}
}
