package main

// ct_config of poseidon/ct 0.14.0, as its data source renders it:
// https://github.com/poseidon/terraform-provider-ct/blob/v0.14.0/internal/data_config.go

import (
	"encoding/json"
	"fmt"
	"hash/crc32"
	"strconv"

	butane "github.com/coreos/butane/config"
	"github.com/coreos/butane/config/common"
	ignition "github.com/coreos/ignition/v2/config/v3_4"
)

type ctConfigArgs struct {
	Content     string   `json:"content"`
	Snippets    []string `json:"snippets"`
	FilesDir    string   `json:"files_dir"`
	PrettyPrint bool     `json:"pretty_print"`
	Strict      bool     `json:"strict"`
}

func ctConfig(req request) (any, error) {
	a, err := decode[ctConfigArgs](req)
	if err != nil {
		return nil, err
	}

	rendered, err := butaneToIgnition([]byte(a.Content), a.PrettyPrint, a.FilesDir, a.Strict, a.Snippets)
	if err != nil {
		// the SDKv2 provider turns the error into a diagnostic with the error text as summary (diag.FromErr)
		return nil, &providerError{Summary: err.Error()}
	}

	return map[string]string{"rendered": string(rendered), "id": hashcode(string(rendered))}, nil
}

func butaneToIgnition(data []byte, pretty bool, filesDir string, strict bool, snippets []string) ([]byte, error) {
	opts := common.TranslateBytesOptions{TranslateOptions: common.TranslateOptions{FilesDir: filesDir}, Pretty: pretty}

	ignBytes, report, err := butane.TranslateBytes(data, opts)
	if err != nil {
		return nil, err
	}

	if strict && len(report.Entries) > 0 {
		return nil, fmt.Errorf("strict parsing error: %v", report.String())
	}

	ign, _, err := ignition.ParseCompatibleVersion(ignBytes)
	if err != nil {
		return nil, fmt.Errorf("%v", err)
	}

	for _, snippet := range snippets {
		extBytes, report, err := butane.TranslateBytes([]byte(snippet), opts)
		if err != nil {
			if err == common.ErrNoVariant {
				return nil, fmt.Errorf("Butane snippets require `variant`: %v", err)
			}

			return nil, fmt.Errorf("Butane translate error: %v\n%s", err, report.String())
		}

		if strict && len(report.Entries) > 0 {
			return nil, fmt.Errorf("strict parsing error: %v", report.String())
		}

		ext, _, err := ignition.ParseCompatibleVersion(extBytes)
		if err != nil {
			return nil, fmt.Errorf("snippet parse error: %v, expect v1.4.0", err)
		}

		ign = ignition.Merge(ign, ext)
	}

	if pretty {
		return json.MarshalIndent(ign, "", "  ")
	}

	return json.Marshal(ign)
}

type ignitionParseArgs struct {
	Config string `json:"config"`
}

// ignitionParse checks a rendered config with Ignition's own v3.4 parser (what Ignition does on first boot): the
// spec version must be exactly 3.4.0, and the report must have no errors. Used by the tests.
func ignitionParse(req request) (any, error) {
	a, err := decode[ignitionParseArgs](req)
	if err != nil {
		return nil, err
	}

	cfg, report, err := ignition.Parse([]byte(a.Config))
	if err != nil {
		return nil, &providerError{Summary: "invalid Ignition 3.4 config", Detail: fmt.Sprintf("%v\n%s", err, report.String())}
	}

	return map[string]any{"version": cfg.Ignition.Version, "report": report.String()}, nil
}

// hashcode is ct's id of a rendered config (crc32, non-negative), internal/hashcode.go at v0.14.0.
func hashcode(s string) string {
	v := int(crc32.ChecksumIEEE([]byte(s)))
	if v >= 0 {
		return strconv.Itoa(v)
	}

	if -v >= 0 {
		return strconv.Itoa(-v)
	}

	return "0"
}
