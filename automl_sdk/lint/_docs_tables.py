"""The value lists the AWS documentation states, as data for the documented (phase-2) rules.

Every table here is copied from a sentence of the contract, the AWS pages whose public addresses
are :data:`SPEC_V2_API` and friends, or, for :data:`HOLIDAY_COUNTRY_CODES`, from the "Country Codes"
page those sentences link to. The botocore model only knows the generic enums (every metric, every
algorithm); the documentation narrows them per problem type and training mode, which is what these
tables hold.
"""

from __future__ import annotations

from automl_sdk.lint._common import (
    IMAGE_CLASSIFICATION,
    TABULAR,
    TEXT_CLASSIFICATION,
    TEXT_GENERATION,
    TIME_SERIES,
)

#: CreateAutoMLJobV2, the SageMaker API reference page.
SPEC_V2_API = "https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateAutoMLJobV2.html"
_BOTO3 = (
    "https://boto3.amazonaws.com/v1/documentation/api/latest/reference/services/sagemaker/client"
)
#: boto3 ``create_auto_ml_job`` (V1).
SPEC_V1_BOTO3 = f"{_BOTO3}/create_auto_ml_job.html"
#: boto3 ``describe_auto_ml_job_v2``, which documents every V2 problem-type config.
SPEC_V2_DESCRIBE = f"{_BOTO3}/describe_auto_ml_job_v2.html"
#: AWS CLI ``create-auto-ml-job`` man page (V1).
SPEC_V1_CLI = (
    "https://awscli.amazonaws.com/v2/documentation/api/latest/reference/sagemaker/"
    "create-auto-ml-job.html"
)
#: The newer revision of the boto3 ``create_auto_ml_job`` page (adds SampleWeightAttributeName).
SPEC_V1_BOTO3_NEW = f"{SPEC_V1_BOTO3}, newer revision"

#: Human names of the problem types, for messages.
PROBLEM_TYPE_NAMES: dict[str, str] = {
    TABULAR: "tabular",
    TIME_SERIES: "time-series forecasting",
    IMAGE_CLASSIFICATION: "image classification",
    TEXT_CLASSIFICATION: "text classification",
    TEXT_GENERATION: "text generation",
}

# --- Input channels -------------------------------------------------------------------------

# The channel types ("training", "validation") and their default live in ``_context``.

CSV = "text/csv;header=present"
PARQUET = "x-application/vnd.amazon+parquet"
#: Allowed ``ContentType`` per problem type (002: "The following are the allowed content types").
CONTENT_TYPES: dict[str, tuple[str, ...]] = {
    TABULAR: (CSV, PARQUET),
    IMAGE_CLASSIFICATION: ("image/png", "image/jpeg", "image/*"),
    TEXT_CLASSIFICATION: (CSV, PARQUET),
    TIME_SERIES: (CSV, PARQUET),
    TEXT_GENERATION: (CSV, PARQUET),
}
#: Default ``ContentType`` per problem type, used when a channel omits it.
DEFAULT_CONTENT_TYPE: dict[str, str] = {
    TABULAR: CSV,
    IMAGE_CLASSIFICATION: "image/*",
    TEXT_CLASSIFICATION: CSV,
    TIME_SERIES: CSV,
    TEXT_GENERATION: CSV,
}

S3_PREFIX = "S3Prefix"
MANIFEST_FILE = "ManifestFile"
AUGMENTED_MANIFEST_FILE = "AugmentedManifestFile"
#: Allowed ``S3DataType`` per problem type (000: "The supported formats depend on the problem type").
S3_DATA_TYPES: dict[str, tuple[str, ...]] = {
    TABULAR: (S3_PREFIX, MANIFEST_FILE),
    IMAGE_CLASSIFICATION: (S3_PREFIX, MANIFEST_FILE, AUGMENTED_MANIFEST_FILE),
    TEXT_CLASSIFICATION: (S3_PREFIX,),
    TIME_SERIES: (S3_PREFIX,),
    TEXT_GENERATION: (S3_PREFIX,),
}
#: V1 (``CreateAutoMLJob``): "AugmentedManifestFile is available for V2 API jobs only".
V1_S3_DATA_TYPES = (S3_PREFIX, MANIFEST_FILE)

# --- Output --------------------------------------------------------------------------------

#: "The Amazon S3 output path. Must be 128 characters or less." (the model allows 1024).
S3_OUTPUT_PATH_MAX = 128

# --- Objective metrics ---------------------------------------------------------------------

REGRESSION = "Regression"
BINARY = "BinaryClassification"
MULTICLASS = "MulticlassClassification"

#: Tabular metrics per ProblemType. The docs also list ``InferenceLatency`` and ``LogLoss``,
#: which the model's ``AutoMLMetricEnum`` does not contain (phase 1 reports them as not in the enum).
TABULAR_METRICS: dict[str, tuple[str, ...]] = {
    REGRESSION: ("InferenceLatency", "MAE", "MSE", "R2", "RMSE"),
    BINARY: (
        "Accuracy",
        "AUC",
        "BalancedAccuracy",
        "F1",
        "InferenceLatency",
        "LogLoss",
        "Precision",
        "Recall",
    ),
    MULTICLASS: (
        "Accuracy",
        "BalancedAccuracy",
        "F1macro",
        "InferenceLatency",
        "LogLoss",
        "PrecisionMacro",
        "RecallMacro",
    ),
}
#: Every tabular metric (for a tabular request without a ProblemType).
ALL_TABULAR_METRICS: tuple[str, ...] = tuple(
    sorted({metric for metrics in TABULAR_METRICS.values() for metric in metrics})
)
#: "For image or text classification problem types: List of available metrics: Accuracy".
CLASSIFICATION_METRICS = ("Accuracy",)
#: "RMSE, wQL, Average wQL, MASE, MAPE, WAPE"; "Average wQL" is the enum's
#: ``AverageWeightedQuantileLoss`` and the model has no separate ``wQL`` value.
TIME_SERIES_METRICS = ("AverageWeightedQuantileLoss", "MAPE", "MASE", "RMSE", "WAPE")
#: Metrics allowed per non-tabular problem type (text generation takes no objective).
METRICS_BY_PROBLEM_TYPE: dict[str, tuple[str, ...]] = {
    IMAGE_CLASSIFICATION: CLASSIFICATION_METRICS,
    TEXT_CLASSIFICATION: CLASSIFICATION_METRICS,
    TIME_SERIES: TIME_SERIES_METRICS,
}

# --- Tabular training modes and algorithms ---------------------------------------------------

AUTO = "AUTO"
ENSEMBLING = "ENSEMBLING"
HYPERPARAMETER_TUNING = "HYPERPARAMETER_TUNING"
#: "Selected algorithms must belong to the list corresponding to the training mode".
ALGORITHMS_BY_MODE: dict[str, tuple[str, ...]] = {
    ENSEMBLING: (
        "catboost",
        "extra-trees",
        "fastai",
        "lightgbm",
        "linear-learner",
        "nn-torch",
        "randomforest",
        "xgboost",
    ),
    HYPERPARAMETER_TUNING: ("linear-learner", "mlp", "xgboost"),
}
#: Every tabular algorithm, whatever the mode.
ALL_TABULAR_ALGORITHMS: tuple[str, ...] = tuple(
    sorted({name for names in ALGORITHMS_BY_MODE.values() for name in names})
)

# --- Completion criteria -------------------------------------------------------------------

#: "For text and image classification, time-series forecasting, as well as text generation
#: (LLMs fine-tuning) problem types, the supported value is 1."
SINGLE_CANDIDATE_PROBLEM_TYPES = (
    IMAGE_CLASSIFICATION,
    TEXT_CLASSIFICATION,
    TIME_SERIES,
    TEXT_GENERATION,
)

# --- Time-series forecasting ----------------------------------------------------------------

#: "The maximum forecast horizon is the lesser of 500 time-steps or 1/4 of the time-steps".
FORECAST_HORIZON_MAX = 500
#: ``ForecastFrequency`` units and their valid counts ("Minute - 1-59", ... "Year - 1"), in
#: increasing size; the name of the next larger unit and its size in this unit give the fix.
FREQUENCY_UNITS: dict[str, tuple[str, int]] = {
    "min": ("minute", 59),
    "H": ("hour", 23),
    "D": ("day", 6),
    "W": ("week", 4),
    "M": ("month", 11),
    "Y": ("year", 1),
}
#: Filling methods and their allowed values ("frontfill: none (Supported only for target column)").
FILLING_VALUES: dict[str, tuple[str, ...]] = {
    "frontfill": ("none",),
    "middlefill": ("zero", "value", "median", "mean", "min", "max"),
    "backfill": ("zero", "value", "median", "mean", "min", "max"),
    "futurefill": ("zero", "value", "median", "mean", "min", "max"),
}
#: The suffix of the companion parameter that carries the fill value ("backfill_value").
FILLING_VALUE_SUFFIX = "_value"
#: "The supported aggregation methods are sum (default), avg, first, min, max."
AGGREGATION_METHODS = ("sum", "avg", "first", "min", "max")

#: Countries with a supported public holiday calendar ("For the list of public holiday calendars
#: supported by AutoML job V2, see Country Codes."), from the Autopilot/Forecast "Country Codes"
#: table (docs.aws.amazon.com/sagemaker/latest/dg/autopilot-timeseries-forecasting-holiday-calendars.html).
HOLIDAY_COUNTRY_CODES: frozenset[str] = frozenset(
    [
        "AD",
        "AE",
        "AF",
        "AG",
        "AI",
        "AL",
        "AM",
        "AO",
        "AQ",
        "AR",
        "AS",
        "AT",
        "AU",
        "AW",
        "AX",
        "AZ",
        "BA",
        "BB",
        "BD",
        "BE",
        "BF",
        "BG",
        "BH",
        "BI",
        "BJ",
        "BL",
        "BM",
        "BN",
        "BO",
        "BQ",
        "BR",
        "BS",
        "BT",
        "BV",
        "BW",
        "BY",
        "BZ",
        "CA",
        "CC",
        "CD",
        "CF",
        "CG",
        "CH",
        "CI",
        "CK",
        "CL",
        "CM",
        "CN",
        "CO",
        "CR",
        "CU",
        "CV",
        "CW",
        "CX",
        "CY",
        "CZ",
        "DE",
        "DJ",
        "DK",
        "DM",
        "DO",
        "DZ",
        "EC",
        "EE",
        "EG",
        "EH",
        "ER",
        "ES",
        "ET",
        "FI",
        "FJ",
        "FK",
        "FM",
        "FO",
        "FR",
        "GA",
        "GB",
        "GD",
        "GE",
        "GF",
        "GG",
        "GH",
        "GI",
        "GL",
        "GM",
        "GN",
        "GP",
        "GQ",
        "GR",
        "GS",
        "GT",
        "GU",
        "GW",
        "GY",
        "HK",
        "HM",
        "HN",
        "HR",
        "HT",
        "HU",
        "ID",
        "IE",
        "IL",
        "IM",
        "IN",
        "IO",
        "IQ",
        "IR",
        "IS",
        "IT",
        "JE",
        "JM",
        "JO",
        "JP",
        "KE",
        "KG",
        "KH",
        "KI",
        "KM",
        "KN",
        "KP",
        "KR",
        "KW",
        "KY",
        "KZ",
        "LA",
        "LB",
        "LC",
        "LI",
        "LK",
        "LR",
        "LS",
        "LT",
        "LU",
        "LV",
        "LY",
        "MA",
        "MC",
        "MD",
        "ME",
        "MF",
        "MG",
        "MH",
        "MK",
        "ML",
        "MM",
        "MN",
        "MO",
        "MP",
        "MQ",
        "MR",
        "MS",
        "MT",
        "MU",
        "MV",
        "MW",
        "MX",
        "MY",
        "MZ",
        "NA",
        "NC",
        "NE",
        "NF",
        "NG",
        "NI",
        "NL",
        "NO",
        "NP",
        "NR",
        "NU",
        "NZ",
        "OM",
        "PA",
        "PE",
        "PF",
        "PG",
        "PH",
        "PK",
        "PL",
        "PM",
        "PN",
        "PR",
        "PS",
        "PT",
        "PW",
        "PY",
        "QA",
        "RE",
        "RO",
        "RS",
        "RU",
        "RW",
        "SA",
        "SB",
        "SC",
        "SD",
        "SE",
        "SG",
        "SH",
        "SI",
        "SJ",
        "SK",
        "SL",
        "SM",
        "SN",
        "SO",
        "SR",
        "SS",
        "ST",
        "SV",
        "SX",
        "SY",
        "SZ",
        "TC",
        "TD",
        "TF",
        "TG",
        "TH",
        "TJ",
        "TK",
        "TL",
        "TM",
        "TN",
        "TO",
        "TR",
        "TT",
        "TV",
        "TW",
        "TZ",
        "UA",
        "UG",
        "UM",
        "UN",
        "US",
        "UY",
        "UZ",
        "VA",
        "VC",
        "VE",
        "VG",
        "VI",
        "VN",
        "VU",
        "WF",
        "WS",
        "XK",
        "YE",
        "YT",
        "ZA",
        "ZM",
        "ZW",
    ]
)

# --- Text generation ----------------------------------------------------------------------

#: The four documented hyperparameters: (value kind, minimum, maximum), all given as strings.
TEXT_GENERATION_HYPERPARAMETERS: dict[str, tuple[type, float, float]] = {
    "epochCount": (int, 1, 10),
    "batchSize": (int, 1, 64),
    "learningRate": (float, 0, 1),
    "learningRateWarmupSteps": (int, 0, 250),
}

# --- Security and cost ---------------------------------------------------------------------

#: A MaxCandidates at or above this with no MaxAutoMLJobRuntimeInSeconds is flagged as a cost risk.
LARGE_MAX_CANDIDATES = 100
