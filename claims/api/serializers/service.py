"""The signed-in user and the health answer."""

from rest_framework import serializers

from claims.api.serializers.base import User

# The signed-in user ---------------------------------------------------------------


class MeSerializer(serializers.ModelSerializer):
    groups = serializers.SerializerMethodField()
    permissions = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = [
            "id",
            "username",
            "first_name",
            "last_name",
            "email",
            "is_superuser",
            "groups",
            "permissions",
        ]
        read_only_fields = fields

    def get_groups(self, user) -> list[str]:
        return sorted(user.groups.values_list("name", flat=True))

    def get_permissions(self, user) -> list[str]:
        return sorted(user.get_all_permissions())


class HealthSerializer(serializers.Serializer):
    status = serializers.CharField()
