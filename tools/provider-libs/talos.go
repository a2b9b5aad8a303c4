package main

// siderolabs/talos provider behaviour, after its source at the pinned version:
// https://github.com/siderolabs/terraform-provider-talos/tree/v0.10.0/pkg/talos
// (talos_machine_secrets_resource.go, talos_machine_configuration_data_source.go,
// talos_client_configuration_data_source.go, talos_machine_configuration_apply_resource.go, util.go).

import (
	"encoding/base64"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/siderolabs/crypto/x509"
	sideronet "github.com/siderolabs/net"
	clientconfig "github.com/siderolabs/talos/pkg/machinery/client/config"
	"github.com/siderolabs/talos/pkg/machinery/config"
	"github.com/siderolabs/talos/pkg/machinery/config/bundle"
	"github.com/siderolabs/talos/pkg/machinery/config/configloader"
	"github.com/siderolabs/talos/pkg/machinery/config/configpatcher"
	"github.com/siderolabs/talos/pkg/machinery/config/encoder"
	"github.com/siderolabs/talos/pkg/machinery/config/generate"
	"github.com/siderolabs/talos/pkg/machinery/config/generate/secrets"
	"github.com/siderolabs/talos/pkg/machinery/config/machine"
	"github.com/siderolabs/talos/pkg/machinery/constants"
	"github.com/siderolabs/talos/pkg/machinery/gendata"
)

// ---- the Terraform shapes of the provider's machine_secrets and client_configuration ----

type certKeyPair struct {
	Cert string `json:"cert"`
	Key  string `json:"key"`
}

type machineSecrets struct {
	Cluster struct {
		ID     string `json:"id"`
		Secret string `json:"secret"`
	} `json:"cluster"`
	Secrets struct {
		BootstrapToken            string  `json:"bootstrap_token"`
		SecretboxEncryptionSecret string  `json:"secretbox_encryption_secret"`
		AESCBCEncryptionSecret    *string `json:"aescbc_encryption_secret"`
	} `json:"secrets"`
	TrustdInfo struct {
		Token string `json:"token"`
	} `json:"trustdinfo"`
	Certs struct {
		Etcd              certKeyPair `json:"etcd"`
		K8s               certKeyPair `json:"k8s"`
		K8sAggregator     certKeyPair `json:"k8s_aggregator"`
		K8sServiceAccount struct {
			Key string `json:"key"`
		} `json:"k8s_serviceaccount"`
		OS certKeyPair `json:"os"`
	} `json:"certs"`
}

type clientConfiguration struct {
	CACertificate     string `json:"ca_certificate"`
	ClientCertificate string `json:"client_certificate"`
	ClientKey         string `json:"client_key"`
}

func b64(b []byte) string { return base64.StdEncoding.EncodeToString(b) }

func unb64(what, s string) ([]byte, error) {
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}

	return b, nil
}

// ---- talos_machine_secrets (Create) ----

type secretsArgs struct {
	TalosVersion string `json:"talos_version"`
}

func talosMachineSecrets(req request) (any, error) {
	a, err := decode[secretsArgs](req)
	if err != nil {
		return nil, err
	}

	contract, err := config.ParseContractFromVersion(a.TalosVersion)
	if err != nil {
		return nil, fail("failed to validate talos version", err)
	}

	bundle, err := secrets.NewBundle(secrets.NewFixedClock(time.Now()), contract)
	if err != nil {
		return nil, fail("failed to generate secrets bundle", err)
	}

	var ms machineSecrets
	ms.Cluster.ID, ms.Cluster.Secret = bundle.Cluster.ID, bundle.Cluster.Secret
	ms.Secrets.BootstrapToken = bundle.Secrets.BootstrapToken
	ms.Secrets.SecretboxEncryptionSecret = bundle.Secrets.SecretboxEncryptionSecret

	if bundle.Secrets.AESCBCEncryptionSecret != "" {
		ms.Secrets.AESCBCEncryptionSecret = &bundle.Secrets.AESCBCEncryptionSecret
	}

	ms.TrustdInfo.Token = bundle.TrustdInfo.Token
	ms.Certs.Etcd = certKeyPair{b64(bundle.Certs.Etcd.Crt), b64(bundle.Certs.Etcd.Key)}
	ms.Certs.K8s = certKeyPair{b64(bundle.Certs.K8s.Crt), b64(bundle.Certs.K8s.Key)}
	ms.Certs.K8sAggregator = certKeyPair{b64(bundle.Certs.K8sAggregator.Crt), b64(bundle.Certs.K8sAggregator.Key)}
	ms.Certs.K8sServiceAccount.Key = b64(bundle.Certs.K8sServiceAccount.Key)
	ms.Certs.OS = certKeyPair{b64(bundle.Certs.OS.Crt), b64(bundle.Certs.OS.Key)}

	input, err := generate.NewInput("", "", "", generate.WithSecretsBundle(bundle))
	if err != nil {
		return nil, fail("failed to convert secrets bundle to machine secrets", err)
	}

	tc, err := input.Talosconfig()
	if err != nil {
		return nil, fail("failed to convert secrets bundle to machine secrets", err)
	}

	cc := tc.Contexts[tc.Context]

	return map[string]any{
		"machine_secrets":      ms,
		"client_configuration": clientConfiguration{cc.CA, cc.Crt, cc.Key},
	}, nil
}

func bundleOf(ms machineSecrets) (*secrets.Bundle, error) {
	b := &secrets.Bundle{
		Clock:      secrets.NewFixedClock(time.Now()),
		Cluster:    &secrets.Cluster{ID: ms.Cluster.ID, Secret: ms.Cluster.Secret},
		Secrets:    &secrets.Secrets{BootstrapToken: ms.Secrets.BootstrapToken, SecretboxEncryptionSecret: ms.Secrets.SecretboxEncryptionSecret},
		TrustdInfo: &secrets.TrustdInfo{Token: ms.TrustdInfo.Token},
	}
	if ms.Secrets.AESCBCEncryptionSecret != nil {
		b.Secrets.AESCBCEncryptionSecret = *ms.Secrets.AESCBCEncryptionSecret
	}

	pair := func(what string, p certKeyPair) (*x509.PEMEncodedCertificateAndKey, error) {
		crt, err := unb64(what+".cert", p.Cert)
		if err != nil {
			return nil, err
		}

		key, err := unb64(what+".key", p.Key)
		if err != nil {
			return nil, err
		}

		return &x509.PEMEncodedCertificateAndKey{Crt: crt, Key: key}, nil
	}

	var err error

	b.Certs = &secrets.Certs{}
	if b.Certs.Etcd, err = pair("etcd", ms.Certs.Etcd); err != nil {
		return nil, err
	}

	if b.Certs.K8s, err = pair("k8s", ms.Certs.K8s); err != nil {
		return nil, err
	}

	if b.Certs.K8sAggregator, err = pair("k8s_aggregator", ms.Certs.K8sAggregator); err != nil {
		return nil, err
	}

	if b.Certs.OS, err = pair("os", ms.Certs.OS); err != nil {
		return nil, err
	}

	sa, err := unb64("k8s_serviceaccount.key", ms.Certs.K8sServiceAccount.Key)
	if err != nil {
		return nil, err
	}

	b.Certs.K8sServiceAccount = &x509.PEMEncodedKey{Key: sa}

	return b, nil
}

// ---- talos_machine_configuration: ValidateConfig (plan and validate time) ----

type machineConfigurationValidateArgs struct {
	ClusterEndpoint        *string  `json:"cluster_endpoint"` // nil: null or unknown
	ConfigPatches          []string `json:"config_patches"`
	UnknownPatches         []int    `json:"unknown_patches"` // indexes of config_patches that are unknown
	ConfigPatchesUnknown   bool     `json:"config_patches_unknown"`
	ConfigPatchesNullIndex []int    `json:"null_patches"`
}

// unknownPatchesSkipValidation: from siderolabs/talos 0.11.0 on, ValidateConfig skips loading the patches when
// any of them is unknown or null (validateMachineConfigurationConfig in
// https://github.com/siderolabs/terraform-provider-talos/blob/v0.11.0/pkg/talos/talos_machine_configuration_data_source.go).
// Up to 0.10.x it converts the configuration with UnhandledUnknownAsEmpty, so an unknown patch is "" and
// configpatcher.LoadPatches reads "" as a file name: "open : no such file or directory"
// (https://github.com/siderolabs/terraform-provider-talos/blob/v0.10.0/pkg/talos/talos_machine_configuration_data_source.go).
func unknownPatchesSkipValidation(providerVersion string) bool {
	return versionAtLeast(providerVersion, 0, 11)
}

func versionAtLeast(v string, major, minor int) bool {
	parts := strings.SplitN(strings.TrimPrefix(v, "v"), ".", 3)
	if len(parts) < 2 {
		return true // unknown version: the newest behaviour
	}

	ma, _ := strconv.Atoi(parts[0])
	mi, _ := strconv.Atoi(parts[1])

	return ma > major || (ma == major && mi >= minor)
}

func talosMachineConfigurationValidate(req request) (any, error) {
	a, err := decode[machineConfigurationValidateArgs](req)
	if err != nil {
		return nil, err
	}

	if a.ClusterEndpoint != nil {
		if err := validateClusterEndpoint(*a.ClusterEndpoint); err != nil {
			return nil, fail("cluster_endpoint is invalid", err)
		}
	}

	if a.ConfigPatchesUnknown {
		return map[string]any{}, nil // the whole list unknown converts to an empty list
	}

	patches := append([]string(nil), a.ConfigPatches...)

	if len(a.UnknownPatches)+len(a.ConfigPatchesNullIndex) > 0 {
		if unknownPatchesSkipValidation(req.ProviderVersion) {
			return map[string]any{}, nil
		}

		for _, i := range append(append([]int(nil), a.UnknownPatches...), a.ConfigPatchesNullIndex...) {
			patches[i] = ""
		}
	}

	if _, err := configpatcher.LoadPatches(patches); err != nil {
		return nil, fail("config_patches are invalid", err)
	}

	return map[string]any{}, nil
}

// validateClusterEndpoint is util.go's check of cluster_endpoint.
func validateClusterEndpoint(endpoint string) error {
	u, err := url.Parse(endpoint)
	if err != nil {
		if !strings.Contains(endpoint, "/") {
			u = &url.URL{Host: endpoint}
		} else {
			return fmt.Errorf("failed to parse the cluster endpoint URL: %w", err)
		}
	}

	fix := func() string {
		v := *u
		if v.Scheme == "" && v.Host == "" && v.Path != "" {
			v.Host, v.Path = v.Path, ""
		}

		v.Scheme = "https"
		if v.Port() == "" {
			v.Host = fmt.Sprintf("%s:%d", v.Host, constants.DefaultControlPlanePort)
		}

		return v.String()
	}

	if u.Scheme == "" {
		if u.Port() == "" {
			return fmt.Errorf("no scheme and port specified for the cluster endpoint URL\ntry: %q", fix())
		}

		return fmt.Errorf("no scheme specified for the cluster endpoint URL\ntry: %q", fix())
	}

	if u.Scheme != "https" {
		return fmt.Errorf("the control plane endpoint URL should have scheme https://\ntry: %q", fix())
	}

	if err = sideronet.ValidateEndpointURI(endpoint); err != nil {
		return fmt.Errorf("error validating the cluster endpoint URL: %w", err)
	}

	return nil
}

// ---- talos_machine_configuration: Read ----

type machineConfigurationArgs struct {
	ClusterName       string         `json:"cluster_name"`
	ClusterEndpoint   string         `json:"cluster_endpoint"`
	MachineType       string         `json:"machine_type"`
	MachineSecrets    machineSecrets `json:"machine_secrets"`
	ConfigPatches     []string       `json:"config_patches"`
	KubernetesVersion *string        `json:"kubernetes_version"`
	TalosVersion      *string        `json:"talos_version"`
	Docs              bool           `json:"docs"`
	Examples          bool           `json:"examples"`
}

func machineTypeOf(s string) machine.Type {
	switch s {
	case "controlplane":
		return machine.TypeControlPlane
	case "worker":
		return machine.TypeWorker
	}

	return machine.TypeUnknown
}

func talosMachineConfiguration(req request) (any, error) {
	a, err := decode[machineConfigurationArgs](req)
	if err != nil {
		return nil, err
	}

	kubernetesVersion := constants.DefaultKubernetesVersion
	if a.KubernetesVersion != nil {
		kubernetesVersion = *a.KubernetesVersion
	}

	talosVersion := majorMinor(gendata.VersionTag)
	if a.TalosVersion != nil {
		talosVersion = *a.TalosVersion
	}

	b, err := bundleOf(a.MachineSecrets)
	if err != nil {
		return nil, fail("failed to convert machine secrets certs to secrets bundle certs", err)
	}

	out, err := generateMachineConfiguration(a, b, kubernetesVersion, talosVersion)
	if err != nil {
		return nil, fail("failed to generate machine configuration", err)
	}

	return map[string]string{"machine_configuration": out, "id": a.ClusterName}, nil
}

func majorMinor(tag string) string {
	parts := strings.SplitN(tag, ".", 3)
	if len(parts) < 2 {
		return tag
	}

	return parts[0] + "." + parts[1]
}

// generateMachineConfiguration is machineConfigGenerateOptions.generate of util.go.
func generateMachineConfiguration(a machineConfigurationArgs, b *secrets.Bundle, kubernetesVersion, talosVersion string) (string, error) {
	genOptions := []generate.Option{
		generate.WithClusterDiscovery(true),
		generate.WithDNSDomain(constants.DefaultDNSDomain),
		generate.WithInstallDisk("/dev/sda"),
		// the provider's own default installer: ghcr.io/siderolabs/installer:<machinery version>
		generate.WithInstallImage(fmt.Sprintf("%s/%s/installer:%s", gendata.ImagesRegistry, gendata.ImagesUsername, gendata.VersionTag)),
		generate.WithSecretsBundle(b),
		// The provider 0.10.0 also passes generate.WithPersist(true), already machinery v1.12's default
		// (DefaultOptions: Persist true); machinery v1.13 removed the option and always persists.
	}

	contract, err := config.ParseContractFromVersion(talosVersion)
	if err != nil {
		return "", err
	}

	genOptions = append(genOptions, generate.WithVersionContract(contract))

	comments := encoder.CommentsDisabled
	if a.Docs {
		comments |= encoder.CommentsDocs
	}

	if a.Examples {
		comments |= encoder.CommentsExamples
	}

	opts := []bundle.Option{
		bundle.WithInputOptions(&bundle.InputOptions{
			ClusterName: a.ClusterName,
			Endpoint:    a.ClusterEndpoint,
			KubeVersion: strings.TrimPrefix(kubernetesVersion, "v"),
			GenOptions:  genOptions,
		}),
		bundle.WithVerbose(false),
	}

	patches, err := configpatcher.LoadPatches(a.ConfigPatches)
	if err != nil {
		return "", fmt.Errorf("error parsing config patch: %w", err)
	}

	mt := machineTypeOf(a.MachineType)

	switch mt { //nolint:exhaustive
	case machine.TypeControlPlane:
		opts = append(opts, bundle.WithPatchControlPlane(patches))
	case machine.TypeWorker:
		opts = append(opts, bundle.WithPatchWorker(patches))
	}

	cb, err := bundle.NewBundle(opts...)
	if err != nil {
		return "", err
	}

	out, err := cb.Serialize(comments, mt)
	if err != nil {
		return "", err
	}

	return string(out), nil
}

// ---- talos_client_configuration: Read ----

type clientConfigurationArgs struct {
	ClusterName         string              `json:"cluster_name"`
	ClientConfiguration clientConfiguration `json:"client_configuration"`
	Endpoints           []string            `json:"endpoints"`
	Nodes               []string            `json:"nodes"`
}

func talosClientConfiguration(req request) (any, error) {
	a, err := decode[clientConfigurationArgs](req)
	if err != nil {
		return nil, err
	}

	ca, err := unb64("ca_certificate", a.ClientConfiguration.CACertificate)
	if err != nil {
		return nil, fail("failed to generate talos config", err)
	}

	crt, err := unb64("client_certificate", a.ClientConfiguration.ClientCertificate)
	if err != nil {
		return nil, fail("failed to generate talos config", err)
	}

	key, err := unb64("client_key", a.ClientConfiguration.ClientKey)
	if err != nil {
		return nil, fail("failed to generate talos config", err)
	}

	tc := clientconfig.NewConfig(a.ClusterName, nil, ca, &x509.PEMEncodedCertificateAndKey{Crt: crt, Key: key})
	if len(a.Endpoints) > 0 {
		tc.Contexts[a.ClusterName].Endpoints = a.Endpoints
	}

	if len(a.Nodes) > 0 {
		tc.Contexts[a.ClusterName].Nodes = a.Nodes
	}

	out, err := tc.Bytes()
	if err != nil {
		return nil, fail("failed to generate talos config", err)
	}

	return map[string]string{"talos_config": string(out), "id": a.ClusterName}, nil
}

// ---- talos_machine_configuration_apply: ModifyPlan (machine_configuration) ----

type applyArgs struct {
	MachineConfigurationInput string   `json:"machine_configuration_input"`
	ConfigPatches             []string `json:"config_patches"`
	// Validate also runs machinery's own validation of the result for its machine type (what a Talos node does on
	// ApplyConfiguration); the provider itself does not, so a node would reject it only at apply.
	Validate bool `json:"validate"`
}

// runtimeMode stands for the Talos runtime mode that validation depends on: metal installs to disk, cloud
// images (nocloud, the Proxmox disk image) do not (RequiresInstall in
// https://github.com/siderolabs/talos/blob/v1.12.0/internal/app/machined/pkg/runtime/mode.go).
type runtimeMode struct {
	name    string
	install bool
}

func (m runtimeMode) String() string        { return m.name }
func (m runtimeMode) RequiresInstall() bool { return m.install }
func (m runtimeMode) InContainer() bool     { return false }

func talosMachineConfigurationApply(req request) (any, error) {
	a, err := decode[applyArgs](req)
	if err != nil {
		return nil, err
	}

	patches, err := configpatcher.LoadPatches(a.ConfigPatches)
	if err != nil {
		return nil, fail("Error loading config patches", err)
	}

	cfg, err := configpatcher.Apply(configpatcher.WithBytes([]byte(a.MachineConfigurationInput)), patches)
	if err != nil {
		return nil, fail("Error applying config patches", err)
	}

	out, err := cfg.Bytes()
	if err != nil {
		return nil, fail("Error converting config to bytes", err)
	}

	result := map[string]any{"machine_configuration": string(out)}

	if a.Validate {
		warnings, err := validateMachineConfiguration(out)
		if err != nil {
			return nil, err
		}

		result["warnings"] = warnings
	}

	return result, nil
}

// talosMachineConfigurationApplyCheck: the provider's ModifyPlan checks only (patches load and apply), for
// plan time when machine_configuration_input is known.
func talosMachineConfigurationApplyCheck(req request) (any, error) {
	return talosMachineConfigurationApply(req)
}

func validateMachineConfiguration(out []byte) ([]string, error) {
	provider, err := configloader.NewFromBytes(out)
	if err != nil {
		return nil, fail("machine configuration is invalid", err)
	}

	mode := runtimeMode{name: "metal", install: true}

	if mc := provider.Machine(); mc != nil {
		if img := mc.Install().Image(); strings.Contains(img, "/nocloud-installer") {
			mode = runtimeMode{name: "cloud", install: false}
		}
	}

	warnings, err := provider.Validate(mode, validationOptions()...)
	if err != nil {
		return warnings, fail(fmt.Sprintf("machine configuration is invalid for a %s node (%s mode)", provider.Machine().Type(), mode), err)
	}

	return warnings, nil
}
