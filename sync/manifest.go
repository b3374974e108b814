package snapshot

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ManifestFormat names the manifest's format and version.
const ManifestFormat = "dangjian-snapshot/1"

// MaxSnapshotSize bounds a snapshot, before and after sealing, so that a
// manifest cannot make the committee fill its disk (16 GiB: many times a
// large organization's database with its attachments).
const MaxSnapshotSize = 16 << 30

// maxManifestSize bounds what is read of a manifest object.
const maxManifestSize = 64 << 10

// signingContext is prefixed to the signed bytes, so that a manifest
// signature can never be taken for a signature over anything else.
const signingContext = "dangjian manifest signature v1\n"

// Manifest describes one sealed snapshot and is signed by the organization.
type Manifest struct {
	Format        string    `json:"format"`
	OrgID         string    `json:"org_id"`
	OrgName       string    `json:"org_name"`
	Seq           uint64    `json:"seq"`
	Prev          string    `json:"prev"` // hex SHA-256 of the previous manifest object, "" for the first
	CreatedAt     time.Time `json:"created_at"`
	SchemaVersion int       `json:"schema_version"`
	PlainSHA256   string    `json:"plaintext_sha256"`
	PlainSize     int64     `json:"plaintext_size"`
	CipherSHA256  string    `json:"ciphertext_sha256"`
	Size          int64     `json:"size"` // ciphertext bytes
	Signature     string    `json:"signature,omitempty"`
}

// signedBytes is what the signature covers: the context string and the
// manifest's JSON without its signature.
func (m Manifest) signedBytes() ([]byte, error) {
	m.Signature = ""
	b, err := json.Marshal(m)
	if err != nil {
		return nil, err
	}
	return append([]byte(signingContext), b...), nil
}

// seal signs the manifest and returns the bytes to upload.
func (m Manifest) seal(k *Keys) ([]byte, error) {
	msg, err := m.signedBytes()
	if err != nil {
		return nil, err
	}
	m.Signature = base64.StdEncoding.EncodeToString(k.sign(msg))
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// ParseManifest reads a manifest object strictly: known fields only, the
// format, hashes of the right length, sizes and seq in range. It does not
// check the signature (see Verify).
func ParseManifest(b []byte) (Manifest, error) {
	var m Manifest
	if len(b) > maxManifestSize {
		return m, errors.New("清单过大")
	}
	if err := decodeStrict(b, &m); err != nil {
		return m, fmt.Errorf("清单格式错误: %v", err)
	}
	switch {
	case m.Format != ManifestFormat:
		return m, fmt.Errorf("清单格式不受支持: %q", m.Format)
	case !validOrgID(m.OrgID):
		return m, errors.New("清单的 org_id 无效")
	case m.Seq == 0:
		return m, errors.New("清单序号必须大于0")
	case m.Prev != "" && !isSHA256Hex(m.Prev):
		return m, errors.New("清单的 prev 不是 SHA-256")
	case !isSHA256Hex(m.PlainSHA256) || !isSHA256Hex(m.CipherSHA256):
		return m, errors.New("清单的校验和不是 SHA-256")
	case m.Size <= 0 || m.PlainSize <= 0 || m.Size > MaxSnapshotSize || m.PlainSize > MaxSnapshotSize:
		return m, errors.New("清单的大小无效")
	case m.CreatedAt.IsZero():
		return m, errors.New("清单缺少 created_at")
	case m.Signature == "":
		return m, errors.New("清单没有签名")
	}
	return m, nil
}

// Verify checks the manifest's signature against the organization's
// enrolled public keys.
func (m Manifest) Verify(pub PublicKeys) error {
	key, err := pub.verifier()
	if err != nil {
		return err
	}
	sig, err := base64.StdEncoding.DecodeString(m.Signature)
	if err != nil || len(sig) != ed25519.SignatureSize {
		return errors.New("签名格式错误")
	}
	msg, err := m.signedBytes()
	if err != nil {
		return err
	}
	if !ed25519.Verify(key, msg, sig) {
		return errors.New("签名无效:不是该组织登记的密钥签署的")
	}
	return nil
}

func isSHA256Hex(s string) bool {
	b, err := hex.DecodeString(s)
	return err == nil && len(b) == sha256.Size && s == strings.ToLower(s)
}

// sha256Hex is the lower-case hex SHA-256 of b.
func sha256Hex(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// Object keys: everything of an organization lives under orgs/<org-id>/.
func orgPrefix(orgID string) string      { return "orgs/" + orgID + "/" }
func manifestPrefix(orgID string) string { return orgPrefix(orgID) + "manifests/" }
func snapshotPrefix(orgID string) string { return orgPrefix(orgID) + "snapshots/" }
func manifestKey(orgID string, seq uint64) string {
	return fmt.Sprintf("%s%010d.json", manifestPrefix(orgID), seq)
}
func snapshotKey(orgID string, seq uint64) string {
	return fmt.Sprintf("%s%010d.age", snapshotPrefix(orgID), seq)
}

// seqOfKey reads the seq from an object key under prefix with the given
// extension; ok is false for any other name.
func seqOfKey(key, prefix, ext string) (seq uint64, ok bool) {
	name, found := strings.CutPrefix(key, prefix)
	if !found {
		return 0, false
	}
	digits, found := strings.CutSuffix(name, ext)
	if !found || len(digits) != 10 {
		return 0, false
	}
	n, err := strconv.ParseUint(digits, 10, 64)
	if err != nil || n == 0 {
		return 0, false
	}
	return n, true
}
