package snapshot

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// committeeSigningFile holds the committee's Ed25519 signing key, the seed
// encrypted with the committee's passphrase like committee.key; its public
// key is in committee.json (signing_key) and in every enrollment file made
// since (committee_signing_key).
const committeeSigningFile = "committee-signing.key"

// SigningKey is the committee's public signing key (standard base64), ""
// while the folder has none (a folder made before the channel existed: its
// first publication makes one).
func (c *Committee) SigningKey() string { return c.Config.SigningKey }

// newSigningKey makes an Ed25519 key, writes its seed encrypted with
// passphrase to the committee's folder and returns it; an existing key
// file is never replaced.
func newSigningKey(dir, passphrase string) (ed25519.PrivateKey, error) {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	sealed, err := encryptWithPassphrase([]byte(base64.StdEncoding.EncodeToString(priv.Seed())), passphrase)
	if err != nil {
		return nil, err
	}
	if err := writeNewFile(filepath.Join(dir, committeeSigningFile), []byte(sealed)); err != nil {
		return nil, fmt.Errorf("无法写入党委的签名密钥: %w", err)
	}
	return priv, nil
}

// publicSigningKey is the standard base64 of key's public half.
func publicSigningKey(key ed25519.PrivateKey) string {
	return base64.StdEncoding.EncodeToString(key.Public().(ed25519.PublicKey))
}

// unlockSigningKey decrypts the committee's signing key with passphrase,
// making it first when the folder has none (the passphrase is then checked
// against committee.key, so that both keys share it). Called under the
// folder's lock.
func (c *Committee) unlockSigningKey(passphrase string) (ed25519.PrivateKey, error) {
	path := filepath.Join(c.Dir, committeeSigningFile)
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) && c.Config.SigningKey == "" {
		if _, err := c.Unlock(passphrase); err != nil {
			return nil, err
		}
		key, err := newSigningKey(c.Dir, passphrase)
		if err != nil {
			return nil, err
		}
		cfg := c.Config
		cfg.SigningKey = publicSigningKey(key)
		if err := writeJSON(filepath.Join(c.Dir, committeeConfigFile), cfg, true); err != nil {
			os.Remove(path)
			return nil, err
		}
		c.Config = cfg
		return key, nil
	}
	if err != nil {
		return nil, fmt.Errorf("无法读取党委的签名密钥(%s): %w;请从备份恢复该文件", committeeSigningFile, err)
	}
	plain, err := decryptWithPassphrase(string(b), passphrase)
	if err != nil {
		return nil, damagedKey(path, err)
	}
	seed, err := base64.StdEncoding.DecodeString(string(plain))
	if err != nil || len(seed) != ed25519.SeedSize {
		return nil, fmt.Errorf("%w: 党委的签名密钥无效", ErrKeysDamaged)
	}
	key := ed25519.NewKeyFromSeed(seed)
	if publicSigningKey(key) != c.Config.SigningKey {
		return nil, fmt.Errorf("%w: 党委的签名密钥与 %s 中的公钥不符,请从备份恢复", ErrKeysDamaged, committeeConfigFile)
	}
	return key, nil
}
